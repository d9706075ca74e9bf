using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;

namespace Rollcall.IntegrationTests.Faces.Hostile;

/// <summary>
/// A child is reused across notes of other sizes and colours, and notes arrive at once: every frame is still the one ffmpeg
/// gives. (A scaler made for a new size once kept the old one's colour state, found by the freed context's address.)
/// </summary>
public sealed class DecoderPoolReuseTests(FacesFixture faces)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneChild_GivesFfmpegsFrames_AfterNotesOfOtherSizesAndMatrices()
    {
        // Changes of size: before the fix, the note after one could get wrong colours in every frame (BT.601 d10, BT.709 d11),
        // depending on where the child's malloc put the new scaler (this test alone failed 2 runs of 5; the next one, 8 of 8).
        string[] round = ["d10-320", "d10-640", "d11-320", "d10-640", "d11-640", "d11-320"];
        string[] order = [.. round, .. round, .. round];
        var notes = new Dictionary<string, Note>();
        foreach (var name in round.Distinct())
        {
            notes[name] = await MakeAsync(name);
        }

        var folder = Directory.CreateTempSubdirectory("rollcall-reuse-").FullName;
        var options = new FaceOptions { TempFolder = folder }; // a pool of its own, used one note at a time: one child
        try
        {
            var children = new HashSet<int>();
            var wrong = new List<string>();
            foreach (var name in order)
            {
                wrong.AddRange(Check(options, notes[name], children));
            }

            Assert.Single(children);
            Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(10)));
        }
        finally
        {
            DecoderPool.For(options).Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task NotesDecodedAtOnce_EachGetTheirOwnFrames()
    {
        Note[] notes = [.. await Task.WhenAll(new[] { "d10-320", "d11-640", "d10-640", "d11-320", "d10-400" }.Select(MakeAsync))];
        var children = new HashSet<int>();

        // More notes than children at a time, through the process-wide pool the rest of the suite uses too.
        var workers = Enumerable.Range(0, (2 * Environment.ProcessorCount) + 2).Select(w => Task.Factory.StartNew(
            () =>
            {
                var wrong = new List<string>();
                for (var n = 0; n < 2 * notes.Length; n++)
                {
                    wrong.AddRange(Check(faces.Options, notes[(n + w) % notes.Length], children));
                }

                return wrong;
            },
            Ct,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        var wrong = (await Task.WhenAll(workers)).SelectMany(f => f).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(10)));
    }

    private async Task<Note> MakeAsync(string name)
    {
        FacesFixture.Require(VideoClips.HasFfmpeg, "ffmpeg not found");
        var (person, side) = (name[..3], int.Parse(name[4..], System.Globalization.CultureInfo.InvariantCulture));
        var recording = Path.Combine(SampleData.Recordings, person + ".mp4");

        // The same clips as DecoderPoolTests (same cache names).
        var bytes = await faces.Clips.CraftAsync($"{name}-bf_0_-g_30", $"-i {recording} -t 3 -vf scale={side}:{side} -c:v libx264 -preset veryfast -bf 0 -g 30 -pix_fmt yuv420p -an");
        var (track, _) = VideoLimits.Check(bytes, faces.Options);
        var plan = FramePlan.Spread(track!, 16, faces.Options);
        return new Note(name, bytes, plan, await DecoderPoolTests.FfmpegFramesAsync(bytes, plan, track!.Width * track.Height * 3));
    }

    // What differs from ffmpeg in one note, decoded by a child of the options' pool (whose id is added to children).
    private static List<string> Check(FaceOptions options, Note note, HashSet<int> children)
    {
        var wrong = new List<string>();
        using var decoder = FrameDecoder.Start(options, note.Bytes, note.Plan, Ct);
        lock (children)
        {
            children.Add(decoder.ChildId);
        }

        var index = 0;
        foreach (var frame in decoder.Frames(Ct))
        {
            using (frame)
            {
                var expected = note.Expected[index];
                var pixels = new byte[expected.Length];
                System.Runtime.InteropServices.Marshal.Copy(frame.Image.Data, pixels, 0, pixels.Length);
                if (frame.Index != note.Plan[index] || !pixels.AsSpan().SequenceEqual(expected))
                {
                    wrong.Add($"{note.Name} in child {decoder.ChildId}: frame {frame.Index} (wanted {note.Plan[index]}) differs from ffmpeg's in {DecoderPoolTests.Differing(pixels, expected)} of {pixels.Length} bytes");
                }

                index++;
            }
        }

        if (index != note.Plan.Length)
        {
            wrong.Add($"{note.Name}: {index} frames of {note.Plan.Length}");
        }

        return wrong;
    }

    private sealed record Note(string Name, byte[] Bytes, int[] Plan, List<byte[]> Expected);
}
