using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using static Rollcall.IntegrationTests.Appeals.AppealSteps;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Appeals;

/// <summary>Appeals over HTTP: the student's /appeal with a receipt code, the teacher's evidence and decision, the LMS and the new receipt.</summary>
public sealed class AppealTests
{
    [Fact]
    public async Task RefusedStudent_Appeals_TeacherApprovesAfterTheReport_MarkIsPresent_LmsGetsIt_StudentGetsANewReceipt()
    {
        await using var lms = await StartLmsAsync();
        await using var bots = await BotsHost.StartAsync(lms: lms, settings: OneAttempt(("TIME_ZONE", "Asia/Kolkata")));
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await OpenAsync(bots, teacher);
        var ben = bots.Emulator.CreateUser("Ben");
        var refusal = await RefusedAsync(bots, teacher, ben, "ST-002", CodeOf(session));
        await TapAsync(bots, teacher, session, "Report");
        var report = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text!;

        var sent = await AppealAsync(bots, ben, refusal);
        var card = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        while (card.Buttons.All(b => b.Text != "Approve"))
        {
            card = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        }

        var decidedAt = await DecidedAtAsync(bots, "ST-002");
        await TapAsync(bots, teacher, card, "Approve");
        var approved = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        var told = (await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!;
        var submission = await lms.NextSubmissionAsync(cancellationToken: Ct);
        while (!submission.Students.TryGetValue("ST-002", out var present) || present != 1)
        {
            submission = await lms.NextSubmissionAsync(cancellationToken: Ct);
        }

        var (body, receipt) = ReceiptLine.Split(told);
        await teacher.SendCommandAsync(bots.TeacherBot, $"/receipt {receipt}");
        var genuine = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;

        Assert.Contains("Attendance report", report, StringComparison.Ordinal);
        Assert.StartsWith("Your appeal for Python on ", sent, StringComparison.Ordinal);
        Assert.StartsWith("Appeal: ST-002 - ", card.Text, StringComparison.Ordinal);
        Assert.Contains("\nSimilarity: 40.0\n", card.Text, StringComparison.Ordinal);
        Assert.Contains("\nDecided at: " + decidedAt + "\n", card.Text, StringComparison.Ordinal);
        Assert.Contains("No pictures are kept of this check-in (MEDIA_RETENTION).", card.Text, StringComparison.Ordinal);
        Assert.Matches(@"\nWhy: \S", card.Text!);
        Assert.Contains("is marked present, and the LMS will get it.", approved, StringComparison.Ordinal);
        Assert.Equal("Your appeal was approved: your teacher marked you present in Python.", body);
        Assert.NotEqual(refusal, receipt);
        Assert.Contains("Decision: marked present by the teacher", genuine, StringComparison.Ordinal);
        Assert.Equal(1, submission.Students["ST-002"]);
        await using var db = bots.Database.CreateContext();
        var mark = await db.Marks.AsNoTracking().SingleAsync(m => m.StudentId == "ST-002", Ct);
        Assert.Equal((MarkStatus.Present, true), (mark.Status, mark.SetByTeacher));
        Assert.Equal(["appeal-filed", "teacher-set"],
            await db.AuditLog.Where(a => a.StudentId == "ST-002" && (a.Action == "appeal-filed" || a.Action == "teacher-set")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.EndsWith("appeal approved", await db.AuditLog.Where(a => a.Action == "teacher-set").Select(a => a.Detail!).SingleAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondAppeal_WrongCode_AndSomeoneElsesReceipt_AreRefused()
    {
        await using var bots = await BotsHost.StartAsync(settings: OneAttempt());
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher));
        var ben = bots.Emulator.CreateUser("Ben");
        var receipt = await RefusedAsync(bots, teacher, ben, "S-2", code);
        var asha = bots.Emulator.CreateUser("Asha");

        var first = await AppealAsync(bots, ben, receipt);
        var second = await AppealAsync(bots, ben, receipt);
        var others = await AppealAsync(bots, asha, receipt);
        var wrong = await AppealAsync(bots, ben, "7KQ2M-X9D4R");
        var empty = await AppealAsync(bots, ben, "");

        Assert.StartsWith("Your appeal for Maths on ", first, StringComparison.Ordinal);
        Assert.Equal("Your appeal for that session waits for your teacher. You will hear their decision here.", second);
        Assert.Equal("That is not a receipt of yours. Copy the code from the message with the decision and send /appeal CODE.", others);
        Assert.Equal(others, wrong);
        Assert.StartsWith("Send /appeal followed by the receipt code", empty, StringComparison.Ordinal);
        await using var db = bots.Database.CreateContext();
        Assert.Equal(1, await db.Appeals.CountAsync(Ct));
    }

    [Fact]
    public async Task AppealAfterAppealHours_IsRefused()
    {
        await using var bots = await BotsHost.StartAsync(settings: OneAttempt());
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher));
        var ben = bots.Emulator.CreateUser("Ben");
        var receipt = await RefusedAsync(bots, teacher, ben, "S-2", code);
        await using (var db = bots.Database.CreateContext())
        {
            // The session began 48 h and a minute ago (APPEAL_HOURS is 48 by default).
            var began = DateTimeOffset.UtcNow.AddHours(-48).AddMinutes(-1);
            await db.Sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, began), Ct);
        }

        var late = await AppealAsync(bots, ben, receipt);

        Assert.Equal("Appeals close 48 hours after the session. Speak to your teacher.", late);
        await using var check = bots.Database.CreateContext();
        Assert.Equal(0, await check.Appeals.CountAsync(Ct));
    }

    [Fact]
    public async Task RejectedAppeal_IsTold_AndAudited_AndTheMarkStands()
    {
        await using var bots = await BotsHost.StartAsync(settings: OneAttempt());
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher));
        var ben = bots.Emulator.CreateUser("Ben");
        var receipt = await RefusedAsync(bots, teacher, ben, "S-2", code);
        await AppealAsync(bots, ben, receipt);
        var card = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        await TapAsync(bots, teacher, card, "Reject");
        var rejected = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        var told = (await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;
        var again = await AppealAsync(bots, ben, receipt);

        Assert.Equal("Rejected: the mark of S-2 - Ben stands. The student has been told.", rejected);
        Assert.Equal("Your appeal for Maths was rejected: the decision stands. Speak to your teacher if you disagree.", told);
        Assert.Equal("Your teacher has already decided your appeal for that session. Speak to them if you disagree.", again);
        await using var db = bots.Database.CreateContext();
        Assert.Equal(MarkStatus.Refused, (await db.Marks.AsNoTracking().SingleAsync(m => m.StudentId == "S-2", Ct)).Status);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "appeal-rejected" && a.StudentId == "S-2", Ct));
    }

    [Fact]
    public async Task WhileMediaIsKept_TheCardCarriesTheReviewPicture_AndTheReviewsDistance()
    {
        await using var bots = await BotsHost.StartAsync(settings: OneAttempt(("MEDIA_RETENTION", "7d")));
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = CodeOf(await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher));
        var ben = bots.Emulator.CreateUser("Ben");
        var receipt = await RefusedAsync(bots, teacher, ben, "S-2", code);
        var picture = ScriptedEnrolmentFaces.Frame;
        await using (var db = bots.Database.CreateContext())
        {
            // A decided review of the check-in whose picture MEDIA_RETENTION keeps (the bots' composer needs the face engine).
            var mark = await db.Marks.AsNoTracking().SingleAsync(m => m.StudentId == "S-2", Ct);
            db.Reviews.Add(new Rollcall.Storage.Entities.ReviewRequest
            {
                Id = Guid.NewGuid(),
                SessionId = mark.SessionId,
                StudentId = "S-2",
                StudentChatId = ben.Id,
                TelegramUserId = ben.Id,
                Reason = "location",
                Similarity = 40,
                DistanceMetres = 140,
                AccuracyMetres = 90,
                Image = picture,
                CreatedAt = DateTimeOffset.UtcNow,
                Decision = "rejected",
                DecidedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        await AppealAsync(bots, ben, receipt);
        var card = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        Assert.Equal(Rollcall.Simulation.BotApi.BotFileKind.Photo, card.File?.Kind);
        Assert.Equal(picture, card.File!.Bytes);
        Assert.Contains("\nLocation: 140 m from you, accuracy 90 m\n", card.Text, StringComparison.Ordinal);
        Assert.Contains("Left: ID photo, right: video note.", card.Text, StringComparison.Ordinal);
        Assert.Contains(card.Buttons, b => b.CallbackData is { Length: <= 64 } data && data.StartsWith("ap:a:", StringComparison.Ordinal));
    }

    /// <summary>The refusal's time as the card should show it: in Asia/Kolkata (UTC+05:30, no daylight saving).</summary>
    private static async Task<string> DecidedAtAsync(BotsHost bots, string studentId)
    {
        await using var db = bots.Database.CreateContext();
        var at = await db.Marks.AsNoTracking().Where(m => m.StudentId == studentId).Select(m => m.DecidedAt).SingleAsync(Ct);
        return at!.Value.ToOffset(new TimeSpan(5, 30, 0)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
