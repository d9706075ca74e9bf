using System.Diagnostics;
using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;

namespace Rollcall.IntegrationTests.Faces.Hostile;

/// <summary>The pool of long-lived decoder children: the frames they give, their limits, and what happens when one dies or overruns.</summary>
public sealed class DecoderPoolTests(FacesFixture faces)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("d10", 320, "-bf 0 -g 30")] // no colour tags: BT.601
    [InlineData("d10", 320, "-bf 3")]
    [InlineData("d11", 640, "-bf 0 -g 30")] // BT.709, limited range, as phones tag it
    [InlineData("d10", 640, "-bf 0 -g 30")]
    [InlineData("d11", 320, "-bf 0 -g 30")]
    [InlineData("d10", 400, "-bf 0 -g 30")]
    public async Task PooledDecoder_GivesTheFramesFfmpegGives(string person, int side, string gop)
    {
        FacesFixture.Require(VideoClips.HasFfmpeg, "ffmpeg not found");
        var recording = Path.Combine(SampleData.Recordings, person + ".mp4");
        var note = await faces.Clips.CraftAsync($"{person}-{side}{gop.Replace(' ', '_')}", $"-i {recording} -t 3 -vf scale={side}:{side} -c:v libx264 -preset veryfast {gop} -pix_fmt yuv420p -an");
        var (track, _) = VideoLimits.Check(note, faces.Options);
        var plan = FramePlan.Spread(track!, 16, faces.Options);

        var expected = await FfmpegFramesAsync(note, plan, track!.Width * track.Height * 3);
        using var decoder = FrameDecoder.Start(faces.Options, note, plan, Ct);
        var index = 0;
        foreach (var frame in decoder.Frames(Ct))
        {
            using (frame)
            {
                Assert.Equal(plan[index], frame.Index);
                var pixels = new byte[expected[index].Length];
                System.Runtime.InteropServices.Marshal.Copy(frame.Image.Data, pixels, 0, pixels.Length);
                Assert.True(pixels.AsSpan().SequenceEqual(expected[index]), $"frame {frame.Index} differs from ffmpeg's in {Differing(pixels, expected[index])} of {pixels.Length} bytes");
                index++;
            }
        }

        Assert.Equal(plan.Length, index);
    }

    [Fact]
    public async Task DecoderThatDiesMidNote_IsOurFault_AndThePoolStartsAnother()
    {
        var note = await faces.Clips.StillAsync(TestFaces.Person01B);
        var (track, _) = VideoLimits.Check(note, faces.Options);
        var plan = FramePlan.Spread(track!, 16, faces.Options);
        int killed;
        using (var decoder = FrameDecoder.Start(faces.Options, note, plan, Ct))
        {
            using var frames = decoder.Frames(Ct).GetEnumerator();
            Assert.True(frames.MoveNext());
            frames.Current.Dispose();

            // Mid-note: the child can be at most DecoderProtocol.Slots frames ahead, and 15 are still to come.
            killed = decoder.ChildId;
            Process.GetProcessById(killed).Kill();
            var fault = Assert.Throws<FaceEngineFaultException>(() =>
            {
                while (frames.MoveNext())
                {
                    frames.Current.Dispose();
                }
            });
            Assert.Equal(FaceEngineFault.DecoderCrashed, fault.Fault);
        }

        Assert.DoesNotContain(killed, DecoderPool.LiveIds());
        using var verification = new FacesVerification(faces);
        await verification.EnrollAsync("s1", TestFaces.Person01);
        Assert.IsType<FaceCheck.NotLive>(await verification.VerifyAsync("s1", note));
    }

    [Fact]
    public async Task HugeFramesUnderASmallHeader_StayInTheChild_AndTheHostsMemoryStaysFlat()
    {
        var note = await CraftedNotes.MakeAsync(faces.Clips, "8192x8192-claiming-640x640");
        var (track, _) = VideoLimits.Check(note, faces.Options);
        var before = Status("VmRSS", Environment.ProcessId);
        long childPeak = 0;
        for (var i = 0; i < 3; i++)
        {
            using var decoder = FrameDecoder.Start(faces.Options, note, FramePlan.Spread(track!, 16, faces.Options), Ct);
            Assert.Empty(decoder.Frames(Ct));
            childPeak = Math.Max(childPeak, Status("VmPeak", decoder.ChildId));
        }

        var grown = Status("VmRSS", Environment.ProcessId) - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"host RSS {before / 1024} MB -> +{grown / 1024} MB; decoder child VmPeak {childPeak / 1024} MB");
        Assert.InRange(childPeak, 1, DecoderProcess.AddressSpaceBytes / 1024);
        Assert.True(grown < 100 * 1024, $"the host grew by {grown / 1024} MB");
    }

    [Fact]
    public async Task DecoderChild_RunsUnderItsLimits()
    {
        var note = await faces.Clips.StillAsync(TestFaces.Person01B);
        var (track, _) = VideoLimits.Check(note, faces.Options);
        using var decoder = FrameDecoder.Start(faces.Options, note, FramePlan.Spread(track!, 16, faces.Options), Ct);
        var limits = File.ReadAllLines($"/proc/{decoder.ChildId}/limits");
        foreach (var frame in decoder.Frames(Ct))
        {
            frame.Dispose();
        }

        Assert.Contains(limits, l => l.StartsWith("Max address space", StringComparison.Ordinal) && l.Contains($" {DecoderProcess.AddressSpaceBytes} ", StringComparison.Ordinal));
        Assert.Contains(limits, l => l.StartsWith("Max file size", StringComparison.Ordinal) && l.Contains(" 0 ", StringComparison.Ordinal));
        Assert.Contains(limits, l => l.StartsWith("Max core file size", StringComparison.Ordinal) && l.Contains(" 0 ", StringComparison.Ordinal));
        Assert.Contains(limits, l => l.StartsWith("Max open files", StringComparison.Ordinal) && l.Contains(" 64 ", StringComparison.Ordinal));
        Assert.Contains(limits, l => l.StartsWith("Max cpu time", StringComparison.Ordinal) && !l.Contains("unlimited            unlimited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecoderThatSpins_IsEndedByItsCpuLimit_NotOnlyByTheTimer()
    {
        // The timer is far off; the child's own CPU limit (FACE_VIDEO_TIMEOUT_SECONDS + 1 = 2 s) ends it first.
        var options = new FaceOptions { DecoderProgram = HostileVideoTests.FakeDecoder("spin", "while :; do :; done"), VideoTimeoutSeconds = 1, TimeoutOverride = TimeSpan.FromSeconds(60) };
        using var spinning = new FacesVerification(faces, options);
        await spinning.EnrollAsync("s1", TestFaces.Person01);
        var clock = Stopwatch.StartNew();

        var fault = await Assert.ThrowsAsync<FaceEngineFaultException>(async () => await spinning.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B)));

        Assert.Equal(FaceEngineFault.DecoderCrashed, fault.Fault);
        Assert.Contains("exited with 152", fault.Message, StringComparison.Ordinal); // 128 + SIGXCPU
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), clock.Elapsed.ToString());
    }

    [Fact]
    public void DisposedPool_EndsItsChildren()
    {
        var pool = new DecoderPool(DecoderSettings.Of(faces.Options), 2);
        var first = pool.Rent(5, Ct);
        var second = pool.Rent(5, Ct);
        int[] ids = [first.Id, second.Id];
        pool.Return(first);

        pool.Dispose();
        pool.Return(second);

        foreach (var id in ids)
        {
            Assert.False(Exists(id), $"decoder {id} is still running");
        }
    }

    // A /proc/PID/status field in kB.
    private static long Status(string field, int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task RollcallProcess_LeavesNoDecoderBehindWhenItExits()
    {
        var folder = Directory.CreateTempSubdirectory("rollcall-cli-decoder-").FullName;
        try
        {
            var note = Path.Combine(folder, "note.mp4");
            await File.WriteAllBytesAsync(note, await faces.Clips.StillAsync(TestFaces.Person01B), Ct);
            // The children inherit this mark, so only this run's decoders count (other tests run and kill rollcall processes meanwhile).
            var mark = Guid.NewGuid().ToString("N");
            var environment = new Dictionary<string, string> { ["FACE_MODELS_DIR"] = faces.ModelsDirectory!, [MarkVariable] = mark };

            var result = await RollcallCli.RunAsync(folder, environment, "faces", "verify", "--photo", TestFaces.Person01, "--video", note);

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("NotLive", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(OrphanedDecoders(), pid => Carries(pid, mark));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Decoders from this build whose parent is not this test process: children a finished rollcall left behind (it waits
    // for its children as it exits, so none may be left, not even for a moment).
    private static List<int> OrphanedDecoders()
    {
        var decoder = Path.Combine(AppContext.BaseDirectory, "rollcall-decoder");
        var orphans = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Target(dir) == decoder && ParentOf(pid) != Environment.ProcessId)
            {
                orphans.Add(pid);
            }
        }

        return orphans;
    }

    private const string MarkVariable = "ROLLCALL_TEST_RUN_MARK";

    private static bool Carries(int pid, string mark)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains($"{MarkVariable}={mark}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? Target(string dir)
    {
        try
        {
            return new FileInfo(Path.Combine(dir, "exe")).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return 0;
        }
    }

    private static bool Exists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // ffmpeg's own decoder and scaler on the same frames, as BGR: what the first round's ffmpeg child delivered.
    internal static async Task<List<byte[]>> FfmpegFramesAsync(byte[] note, int[] plan, int frameBytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rollcall-pooltest-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, note, Ct);
        try
        {
            var select = "select=" + string.Join('+', plan.Select(f => $"eq(n\\,{f})"));
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-hide_banner", "-loglevel", "error", "-threads", "1", "-i", path, "-vf", select, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1" })
            {
                start.ArgumentList.Add(a);
            }

            using var ffmpeg = Process.Start(start)!;
            var frames = new List<byte[]>();
            var buffer = new byte[frameBytes];
            while (await ffmpeg.StandardOutput.BaseStream.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, Ct) == frameBytes)
            {
                frames.Add((byte[])buffer.Clone());
            }

            await ffmpeg.WaitForExitAsync(Ct);
            Assert.Equal(plan.Length, frames.Count);
            return frames;
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static int Differing(byte[] actual, byte[] expected)
    {
        var count = 0;
        for (var i = 0; i < actual.Length; i++)
            count += actual[i] == expected[i] ? 0 : 1;
        return count;
    }
}
