using System.Text;
using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage.Entities;

namespace Rollcall.IntegrationTests.Reports;

/// <summary>Audit H4: the report of any class size fits Telegram's limits, and a part that fails is the only one sent again.</summary>
public sealed class LargeClassReportTests
{
    private const int Extra = 500;
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiveHundredStudents_ReportFitsTheLimits_AndAFailedCsvIsTheOnlyPartSentAgain()
    {
        var roster = Enumerable.Range(0, Extra).Select(i => new RosterEntry
        {
            StudentId = $"2021CS1{i:D4}",
            Name = $"Student With A Long Name {i:D3}",
            Batch = "CS-A",
            Subject = "Maths",
        }).ToList();
        await using var bots = await BotsHost.StartAsync(otpSeconds: 5, reportDelaySeconds: 0, moreStudents: roster);
        var teacher = bots.Emulator.CreateUser("Rao");
        await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher, students: Extra + 3);
        await using (var db = bots.Database.CreateContext())
        {
            var session = await db.Sessions.SingleAsync(Ct);
            db.Marks.AddRange(roster.Where((_, i) => i % 2 == 0).Select(s => new AttendanceMark
            {
                SessionId = session.Id,
                StudentId = s.StudentId.ToUpperInvariant(),
                Status = MarkStatus.Present,
                Similarity = 90,
                CreatedAt = session.CreatedAt,
                DecidedAt = session.CreatedAt.AddSeconds(3),
            }));
            await db.SaveChangesAsync(Ct);
        }

        // The CSV meets four 502s in a row: its round ends there, and the next sends only the CSV and the chart.
        bots.TeacherBot.FailNext("sendDocument", BotApiFault.ServerError(), 4);
        List<BotMessage> received = [];
        do
        {
            received.Add(await teacher.NextMessageAsync(bots.TeacherBot, ReportWait, Ct));
        }
        while (received[^1].File?.Kind != BotFileKind.Photo);

        // The live roll's last edit of the session message says the report went out: it was marked sent, once.
        await Roll.RollSteps.SessionEditAsync(bots, teacher, m => m.Text!.Contains("The report went out at", StringComparison.Ordinal));
        await using var check = bots.Database.CreateContext();
        var sent = await check.Sessions.SingleAsync(Ct);

        var texts = received.Where(m => m.File is null).Select(m => m.Text!).ToList();
        var listed = texts.SelectMany(t => t.Split('\n')).Where(l => l.StartsWith("2021CS1", StringComparison.Ordinal)).ToList();
        var csv = Assert.Single(received, m => m.File?.Kind == BotFileKind.Document);
        TestContext.Current.TestOutputHelper?.WriteLine($"{texts.Count} messages of {string.Join(", ", texts.Select(t => t.Length))} characters");
        Assert.Single(texts, t => t.StartsWith("Attendance report", StringComparison.Ordinal));
        Assert.Contains("Present: 250 of 503, absent: 253", texts[0], StringComparison.Ordinal);
        Assert.All(texts, t => Assert.InRange(t.Length, 1, 4096));
        Assert.Equal(Extra, listed.Count);
        Assert.Equal(Extra, listed.Distinct().Count());
        Assert.Equal(Extra + 4, Encoding.UTF8.GetString(csv.File!.Bytes).TrimEnd('\n').Split('\n').Length);
        Assert.Equal(4 + 1, bots.TeacherBot.CallCount("sendDocument"));
        Assert.NotNull(sent.ReportSentAt);
        Assert.Equal(texts.Count + 2, sent.ReportPartsSent);
    }
}
