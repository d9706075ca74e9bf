using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.EndToEnd;
using Rollcall.IntegrationTests.Support;
using Rollcall.Storage;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>A video note whose bytes are not a video, through the real face engine: refused as unreadable, an attempt used, no present mark.</summary>
public sealed class VideoNoteBytesAbuseTests(FacesFixture faces, StudentRefusalTests.OpenClass openClass) : IClassFixture<StudentRefusalTests.OpenClass>
{
    [Fact]
    public async Task VideoNoteOfNonVideoBytes_IsUnreadable_AndUsesAnAttempt()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = stack.Emulator.CreateUser("Feruza");
        await UpToVideoNoteAsync(stack, student, "ST-012", otp);

        var answer = await SendVideoNoteAsync(stack, student, [.. "ftypisom, then nothing a decoder can use"u8, .. new byte[4096]]);

        Assert.Equal("The video note could not be read. 1 attempt(s) left: record a new video note.", answer);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        var mark = await db.Marks.SingleAsync(m => m.StudentId == "ST-012", Ct);
        Assert.Equal((MarkStatus.Pending, 1), (mark.Status, mark.AttemptsUsed));
        Assert.True(await db.StudentBindings.AnyAsync(b => b.StudentId == "ST-012", Ct)); // bound at the accepted code, before any attempt
        Assert.Equal(0, await db.Outbox.CountAsync(Ct));
    }
}
