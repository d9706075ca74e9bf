using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>Item 5: every time a person sees is in TIME_ZONE, and "UTC" appears only when the zone is UTC.</summary>
public sealed class LocalTimeTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Fact]
    public async Task InKolkata_TheSessionMessageReceiptsReportCsvAndMyData_ShowLocalTimes_AndNeverUtc()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 600, reportDelaySeconds: 0,
            settings: new Dictionary<string, string?> { ["TIME_ZONE"] = "Asia/Kolkata" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await OpenRosterAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, asha, "S-1", CodeOf(session));
        await asha.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3]);
        await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var (_, receipt) = ReceiptLine.Split((await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!);
        await teacher.SendCommandAsync(bots.TeacherBot, $"/receipt {receipt}");
        var checkedReceipt = await NextTextAsync(bots, teacher);
        var roll = (await RollAsync(bots, teacher, session)).Text!;
        await asha.SendCommandAsync(bots.StudentBot, "/mydata");
        var myData = (await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!;
        await teacher.SendCommandAsync(bots.TeacherBot, "/sessions");
        var sessions = await NextTextAsync(bots, teacher);
        await TapAsync(bots, teacher, session, "Close now");
        var report = await NextTextAsync(bots, teacher);
        var csv = Encoding.UTF8.GetString((await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).File!.Bytes);

        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Kolkata);
        var validUntil = session.Text!.Split('\n').Single(l => l.StartsWith("The code is valid until", StringComparison.Ordinal));
        var shown = TimeOnly.ParseExact(validUntil["The code is valid until ".Length..][..8], "HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.InRange(Apart(shown, now.AddMinutes(10)), TimeSpan.Zero, TimeSpan.FromMinutes(2));
        Assert.Matches($@"Time: {now:yyyy-MM-dd} \d\d:\d\d:\d\d$", checkedReceipt);
        var decided = TimeOnly.ParseExact(Regex.Match(roll, @"present \(face 91\.5, (\d\d:\d\d)\)").Groups[1].Value, "HH:mm", CultureInfo.InvariantCulture);
        Assert.InRange(Apart(decided, now), TimeSpan.Zero, TimeSpan.FromMinutes(2));
        Assert.Contains($"(since {now:yyyy-MM-dd})", myData, StringComparison.Ordinal);
        Assert.Matches(@$"S-1,Asha,CS-A,present,91\.5,{now:yyyy-MM-dd}T\d\d:\d\d:\d\d\+05:30,", csv);
        Assert.All(new[] { session.Text, checkedReceipt, roll, myData, sessions, report, csv }, text => Assert.DoesNotContain("UTC", text, StringComparison.Ordinal));
    }

    // Times of day near midnight are apart by the short way round the clock.
    private static TimeSpan Apart(TimeOnly shown, DateTimeOffset expected)
    {
        var apart = (shown.ToTimeSpan() - expected.TimeOfDay).Duration();
        return apart > TimeSpan.FromHours(12) ? TimeSpan.FromDays(1) - apart : apart;
    }

    private static async Task<string> NextTextAsync(BotsHost bots, EmulatedUser teacher)
    {
        while (true)
        {
            var message = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);
            if (message.File is null)
            {
                return message.Text!;
            }
        }
    }
}
