using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Simulation.Classroom;
using Rollcall.Simulation.Clips;
using Rollcall.Storage;
using Rollcall.Storage.Roster;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Scale;

/// <summary>Two instances in webhook mode behind a round-robin balancer, sharing one PostgreSQL: nothing is done twice.</summary>
public sealed class TwoInstanceWebhookTests(FacesFixture faces)
{
    private const string Secret = "two-instance-webhook-secret-0123456789";

    [Fact]
    public async Task ClassThroughTwoInstances_EveryAnswerOnce_OneReport_EveryMarkStored()
    {
        var engine = faces.Engine;
        var database = await TestDatabases.CreatePostgresAsync();
        await using var proxy = await RoundRobinProxy.StartAsync();
        var photos = Directory.CreateTempSubdirectory("rollcall-two-").FullName;
        await using var first = await RollcallTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url.ConnectionString,
            ["ENCRYPTION_KEY"] = EncryptionKey.Generate(),
            ["PHOTO_STORE"] = "folder:" + photos,
            ["TELEGRAM_MODE"] = "webhook",
            ["WEBHOOK_URL"] = new Uri(proxy.BaseUrl, "telegram").ToString(),
            ["WEBHOOK_SECRET"] = Secret,
            ["OTP_EXPIRY_SECONDS"] = "25",
            ["REPORT_DELAY_SECONDS"] = "0",
        });
        await using var second = await first.StartSiblingAsync();
        proxy.Targets = [first.BaseUrl, second.BaseUrl];

        var people = new[] { ("S-1", "Asha", "person01", "img1.jpg", "img2.jpg", "img6.jpg"), ("S-2", "Ben", "person02", "img3.jpg", "img55.jpg", "img53.jpg"), ("S-3", "Chitra", "person03", "img8.jpg", "img9.jpg", "img47.jpg") };
        var services = first.App.Services;
        await services.GetRequiredService<TeacherStore>().UpsertAsync("Dr Rao", "+91 98765 43210", "rao", "pw-rao", TestContext.Current.CancellationToken);
        await new RosterImport(services.GetRequiredService<RollcallDatabase>())
            .ImportAsync(new StringReader(string.Join('\n', people.Select(p => $"{p.Item1},{p.Item2},CS-A,Python"))), TestContext.Current.CancellationToken);
        foreach (var p in people)
        {
            await services.GetRequiredService<IPhotoStore>().SaveAsync(p.Item1, await File.ReadAllBytesAsync(TestFaces.Person(p.Item3, p.Item4), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        }

        var clips = new SyntheticClips(engine);
        var lines = new List<TranscriptLine>();
        var script = new ClassScript(first.TeacherBot, first.StudentBot, l => { lock (lines) { lines.Add(l); } }, TimeSpan.FromSeconds(60));
        var teacher = first.Emulator.CreateUser("Rao");
        var otp = await script.OpenSessionAsync(teacher, new TeacherPlan("+91 98765 43210", "rao", "pw-rao", ["CS-A"], "Python", 12.9716, 77.5946), TestContext.Current.CancellationToken);
        var students = people.Select(p => (User: first.Emulator.CreateUser(p.Item2), Plan: new StudentPlan(p.Item1, null, 12.97170, 77.5946, 8,
            [clips.LiveLike([TestFaces.Person(p.Item3, p.Item5), TestFaces.Person(p.Item3, p.Item6)])]))).ToList();

        var outcomes = await Task.WhenAll(students.Select(s => script.CheckInAsync(s.User, s.Plan, otp, TestContext.Current.CancellationToken)));
        var report = await script.ReportAsync(teacher, TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);

        Assert.All(outcomes, o => Assert.StartsWith("Attendance marked", o, StringComparison.Ordinal));
        Assert.Contains("Present: 3 of 3", report.Text, StringComparison.Ordinal);
        Assert.All(proxy.Forwarded, count => Assert.True(count > 0, "both instances must have taken updates"));

        // A second report or a second answer would arrive within a few scheduler periods.
        await Assert.ThrowsAsync<TimeoutException>(() => teacher.NextMessageAsync(first.TeacherBot, TimeSpan.FromSeconds(12), TestContext.Current.CancellationToken));
        foreach (var (user, _) in students)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => user.NextMessageAsync(first.StudentBot, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));
        }

        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Marks.CountAsync(m => m.Status == MarkStatus.Present, TestContext.Current.CancellationToken));
        Assert.Equal(3, await db.VerificationJobs.CountAsync(TestContext.Current.CancellationToken));
        Assert.NotNull((await db.Sessions.SingleAsync(TestContext.Current.CancellationToken)).ReportSentAt);
    }
}
