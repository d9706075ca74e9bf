using Microsoft.EntityFrameworkCore;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Storage.Entities;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>Item 3: a stuck student is no dead end. The teacher gets one notice with the fitting buttons; the student hears that.</summary>
public sealed class NoDeadEndTests
{
    [Fact]
    public async Task OutOfAttempts_TeacherResetsThemFromTheNotice_AndTheStudentChecksInAgain()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["FACE_VERIFICATION_MAX_RETRIES"] = "0" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await OpenRosterAsync(bots, teacher));
        var ben = bots.Emulator.CreateUser("Ben");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, ben, "S-2", code);
        bots.Faces.Next = new FaceCheck.Mismatch(37.3, 0.9, 12, 70);
        await ben.SendVideoNoteAsync(bots.StudentBot, [5, 5]);
        await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var refused = ReceiptLine.Split((await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!).Body;
        var notice = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        var toast = await TapAsync(bots, teacher, notice, "Reset attempts");
        var done = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        var fresh = ReceiptLine.Split((await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!).Body;
        bots.Faces.Next = new FaceCheck.Match(88, 0.9, 12, 70);
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, ben, "S-2", code);
        await ben.SendVideoNoteAsync(bots.StudentBot, [6, 6]);
        await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var marked = ReceiptLine.Split((await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!).Body;

        Assert.Equal("Confidence 37.3 %, required 70.0 %. No attempts left. Your teacher has been told and can mark you or give you another try.", refused);
        Assert.Equal("S-2 - Ben has used all attempts in Maths (attempt 1: Mismatch, similarity 37.3). If they are in class, mark them present, or give fresh attempts while check-ins are open.", notice.Text);
        Assert.Equal(["Mark present", "Reset attempts"], notice.Buttons.Select(b => b.Text));
        Assert.Equal("Ben can check in again.", toast);
        Assert.Equal("Done: S-2 - Ben is now checking in (0 attempt(s) used). I told the student.", done.Text);
        Assert.Empty(teacher.CurrentMessage(bots.TeacherBot, notice.MessageId)!.Buttons);
        Assert.StartsWith("Your teacher gave you fresh attempts for Maths. Send /start and check in again before ", fresh, StringComparison.Ordinal);
        Assert.Equal("Attendance marked: present in Maths.", marked);
    }

    [Fact]
    public async Task NoIdPhoto_TeacherMarksThemPresentFromTheNotice_AndTheStudentGetsAReceipt()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await OpenRosterAsync(bots, teacher));
        var asha = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, asha, "S-1", code);
        bots.Faces.Next = new FaceCheck.NoPhoto();
        await asha.SendVideoNoteAsync(bots.StudentBot, [1, 2]);
        await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var told = ReceiptLine.Split((await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!).Body;
        var notice = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        await TapAsync(bots, teacher, notice, "Mark present");
        var done = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        var (marked, receipt) = ReceiptLine.Split((await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!);

        Assert.Equal("Your ID photo was not found, so no attempt was used. Your teacher has been told and can mark you present; the admin adds the photo.", told);
        Assert.StartsWith("S-1 - Asha has no usable ID photo", notice.Text, StringComparison.Ordinal);
        Assert.Equal(["Mark present"], notice.Buttons.Select(b => b.Text));
        Assert.Equal("Done: S-1 - Asha is now marked present by you. I told the student.", done);
        Assert.Equal("Your teacher marked you present in Maths.", marked);
        Assert.NotNull(receipt);
    }

    [Fact]
    public async Task IdBoundToAnOldAccount_TeacherIsToldOnce_UnbindsIt_AndTheNewAccountChecksIn()
    {
        await using var bots = await BotsHost.StartAsync();
        await using (var db = bots.Database.CreateContext())
        {
            db.StudentBindings.Add(new StudentBinding { StudentId = "S-1", TelegramUserId = 424242, BoundAt = DateTimeOffset.UtcNow.AddDays(-30) });
            await db.SaveChangesAsync(Ct);
        }

        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await OpenRosterAsync(bots, teacher));
        var newPhone = bots.Emulator.CreateUser("Asha");
        var refused = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, newPhone, "S-1", code);
        var notice = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await BotsOverHttpTests.CheckInUpToCodeAsync(bots, newPhone, "S-1", code);
        int notices;
        await using (var db = bots.Database.CreateContext())
        {
            notices = await db.SessionNotices.CountAsync(Ct);
        }

        await TapAsync(bots, teacher, notice, "Unbind ID");
        var done = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        var unbound = (await newPhone.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;
        var welcome = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, newPhone, "S-1", code);

        Assert.StartsWith("This student ID is registered to another Telegram account. Your teacher has been told", refused, StringComparison.Ordinal);
        Assert.StartsWith("S-1 - Asha tried to check in to Maths from a Telegram account other than the one the ID is bound to.", notice.Text, StringComparison.Ordinal);
        Assert.Equal(["Mark present", "Unbind ID"], notice.Buttons.Select(b => b.Text));
        Assert.Equal(1, notices);
        Assert.Equal("Done: S-1 - Asha is unbound from the old Telegram account. I told the student to check in again.", done);
        Assert.Equal("Your teacher unbound student ID S-1 from its old Telegram account. Send /start to check in from this one.", unbound);
        Assert.StartsWith("Welcome Asha", welcome, StringComparison.Ordinal);
    }
}
