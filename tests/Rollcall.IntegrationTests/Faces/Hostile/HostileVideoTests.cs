using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces.Hostile;

/// <summary>
/// Crafted video notes through the real verifier, all in this one test process, which must survive them: refused from the
/// container before any frame is decoded, or refused or contained by a decoder child of the pool.
/// </summary>
public sealed class HostileVideoTests(FacesFixture faces) : IDisposable
{
    private readonly FacesVerification verification = new(faces);

    [Theory]
    [InlineData("8192x8192", "8192x8192 is more than 921600 pixels")]
    [InlineData("100000-tiny-frames", "100000 frames in 50 s is more than 120 a second")]
    [InlineData("61-seconds", "longer than 60 seconds")]
    [InlineData("hevc", "the video is hevc, not H.264")]
    [InlineData("av1", "the video is av1, not H.264")]
    [InlineData("mjpeg", "the video is mjpeg, not H.264")]
    [InlineData("audio-only", "no video track")]
    [InlineData("zero-length-track", "the video track has no frames")]
    [InlineData("missing-moov", "no moov box")]
    public async Task CraftedNote_IsABadVideo_RefusedBeforeAnyFrameIsDecoded(string kind, string reason)
    {
        var note = await CraftedNotes.MakeAsync(faces.Clips, kind);

        // No decoder can run with this setting: a BadVideo (not a fault) proves none was started.
        using var noDecoder = new FacesVerification(faces, new FaceOptions { DecoderProgram = "/nonexistent/rollcall-decoder" });
        await noDecoder.EnrollAsync("s1", TestFaces.Person01);
        var check = await noDecoder.VerifyAsync("s1", note);

        Assert.Contains(reason, Assert.IsType<FaceCheck.BadVideo>(check).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8192x8192-claiming-640x640")]
    [InlineData("hevc-labelled-h264")]
    public async Task NoteWhoseContainerLies_IsRefusedBeforeOrByTheDecoderChild(string kind)
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);
        var note = await CraftedNotes.MakeAsync(faces.Clips, kind);
        Assert.NotNull(VideoLimits.Check(note, faces.Options).Track);

        var check = await verification.VerifyAsync("s1", note);

        // HEVC under an avc1 label has no avcC (refused here, in managed code); a lying size is stopped by the child's max_pixels.
        Assert.Contains(Assert.IsType<FaceCheck.BadVideo>(check).Reason, (string[])["the MP4's sample table or H.264 configuration cannot be read", "no frame could be decoded"]);
    }

    [Fact]
    public async Task NoteCutShortAfterItsHeader_IsDecidedWithoutACrash()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        var check = await verification.VerifyAsync("s1", await CraftedNotes.MakeAsync(faces.Clips, "truncated-after-moov"));

        Assert.True(check is FaceCheck.BadVideo or FaceCheck.NoFace, check.ToString());
    }

    [Fact]
    public async Task DecoderThatCrashes_IsOurFault_AndTheNextNoteIsStillVerified()
    {
        using var crashing = new FacesVerification(faces, new FaceOptions { DecoderProgram = FakeDecoder("crash", "kill -SEGV $$") });
        await crashing.EnrollAsync("s1", TestFaces.Person01);
        var note = await faces.Clips.StillAsync(TestFaces.Person01B);

        var fault = await Assert.ThrowsAsync<FaceEngineFaultException>(() => crashing.VerifyAsync("s1", note));

        Assert.Equal(FaceEngineFault.DecoderCrashed, fault.Fault);
        await verification.EnrollAsync("s1", TestFaces.Person01);
        Assert.IsType<FaceCheck.NotLive>(await verification.VerifyAsync("s1", note));
    }

    [Fact]
    public async Task DecoderThatHangs_IsKilled_AndTheTimeOutIsOurFault()
    {
        var options = new FaceOptions { DecoderProgram = FakeDecoder("hang", "exec sleep 60"), TimeoutOverride = TimeSpan.FromMilliseconds(300) };
        using var hanging = new FacesVerification(faces, options);
        await hanging.EnrollAsync("s1", TestFaces.Person01);

        var fault = await Assert.ThrowsAsync<FaceEngineFaultException>(async () => await hanging.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B)));

        Assert.Equal(FaceEngineFault.Timeout, fault.Fault);
    }

    [Theory]
    [InlineData("a 1 ms time-out", FaceEngineFault.Timeout)]
    [InlineData("a temp folder that cannot be written", FaceEngineFault.TempStorage)]
    [InlineData("no decoder program", FaceEngineFault.DecoderUnavailable)]
    public async Task InfrastructureFailure_IsOurFault_NotABadVideo(string failure, FaceEngineFault expected)
    {
        var options = failure switch
        {
            "a 1 ms time-out" => new FaceOptions { TimeoutOverride = TimeSpan.FromMilliseconds(1) },
            "a temp folder that cannot be written" => new FaceOptions { TempFolder = "/proc/rollcall-cannot-write-here" },
            _ => new FaceOptions { DecoderProgram = "/nonexistent/rollcall-decoder" },
        };
        using var broken = new FacesVerification(faces, options);
        await broken.EnrollAsync("s1", TestFaces.Person01);
        var note = await faces.Clips.StillAsync(TestFaces.Person01B);

        var fault = await Assert.ThrowsAsync<FaceEngineFaultException>(() => broken.VerifyAsync("s1", note));

        Assert.Equal(expected, fault.Fault);
    }

    public void Dispose() => verification.Dispose();

    // A stand-in for rollcall-decoder: a shell script in the run's temp folder.
    internal static string FakeDecoder(string name, string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rollcall-fake-ffmpeg-{name}-{Environment.ProcessId}.sh");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
