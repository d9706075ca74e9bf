using System.Globalization;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;
using static Rollcall.IntegrationTests.Reports.LeftAreaSteps;

namespace Rollcall.IntegrationTests.Reports;

/// <summary>
/// H2 over HTTP: a checked-in student's live location leaving the class area while the check-in window is open is kept on
/// the mark and shown in the report in the institute's time; the mark stays as decided.
/// </summary>
public sealed class LeftAreaReportTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["TIME_ZONE"] = "Asia/Kolkata",
        ["FACE_VERIFICATION_MAX_RETRIES"] = "0",
    };

    [Fact]
    public async Task LiveLocationLeavingAfterTheCheckIn_IsInTheReport_AtTheInstitutesTime_AndARefusedStudentIsNotListed()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 15, reportDelaySeconds: 0, settings: Settings);
        var teacher = bots.Emulator.CreateUser("Rao");
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        var ben = bots.Emulator.CreateUser("Ben");
        var ashaLive = await CheckInSharingAsync(bots, asha, "S-1", otp);
        var benLive = await CheckInSharingAsync(bots, ben, "S-2", otp, new FaceCheck.Mismatch(40, 0.9, 12, 70));

        await MoveAsync(bots, asha, ashaLive, FarLatitude);
        await MoveAsync(bots, ben, benLive, FarLatitude);
        var (text, csv) = await ReportAsync(bots, teacher);

        var (at, metres, audited) = await LeftAsync(bots, "S-1");
        Assert.NotNull(at);
        Assert.Equal(FarMetres, metres!.Value, 0.001);
        Assert.Equal(1, audited);
        Assert.Equal((null, null, 0), await LeftAsync(bots, "S-2"));
        var time = Kolkata(at.Value);
        var shown = string.Create(CultureInfo.InvariantCulture, $"S-1 - Asha, left the area at {time} ({FarMetres:0} m away)");
        Assert.Contains("\nLeft the area before the code expired: 1 (see below; their marks stand, the decision is yours)", text, StringComparison.Ordinal);
        Assert.Contains("Present:\n" + shown + "\n", text, StringComparison.Ordinal);
        Assert.Contains("\nS-2 - Ben\n", text + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("S-2 - Ben,", text, StringComparison.Ordinal);
        var rows = csv.Split('\n');
        Assert.Equal("student_id,name,batch,status,similarity,time,remark,left_area_at", rows[0]);
        Assert.EndsWith(",," + TimeZoneInfo.ConvertTime(at.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            rows.Single(r => r.StartsWith("S-1,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",", rows.Single(r => r.StartsWith("S-2,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixesInsideTheArea_ChangeNothing_AndOnlyTheFirstFixOutsideIsKept()
    {
        await using var bots = await BotsHost.StartAsync(settings: Settings);
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var asha = bots.Emulator.CreateUser("Asha");
        var live = await CheckInSharingAsync(bots, asha, "S-1", otp);
        var before = await SnapshotAsync(bots, asha);

        // 20 m and 45 m north (the limit is 50 m), a coarse fix whose circle reaches the room, one without an accuracy.
        await MoveAsync(bots, asha, live, CentreLatitude + 0.00018);
        await MoveAsync(bots, asha, live, CentreLatitude + 0.0004);
        await MoveAsync(bots, asha, live, FarLatitude, accuracy: 400);
        await MoveAsync(bots, asha, live, FarLatitude, accuracy: null);
        Assert.Equal((null, null, 0), await LeftAsync(bots, "S-1"));
        Assert.Equal(before, await SnapshotAsync(bots, asha));

        await MoveAsync(bots, asha, live, FarLatitude);
        var first = await LeftAsync(bots, "S-1");
        await MoveAsync(bots, asha, live, FarLatitude + 0.01);

        Assert.Equal(FarMetres, first.Metres!.Value, 0.001);
        Assert.Equal(first, await LeftAsync(bots, "S-1"));
        Assert.Equal(1, first.Audited);
        Assert.Equal(before, await SnapshotAsync(bots, asha));
    }

    [Fact]
    public async Task FixesAfterTheReport_OrAfterSharingStopped_ChangeNothing()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 20, reportDelaySeconds: 0, settings: Settings);
        var teacher = bots.Emulator.CreateUser("Rao");
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        var ben = bots.Emulator.CreateUser("Ben");
        var chen = bots.Emulator.CreateUser("Chen");
        var ashaLive = await CheckInSharingAsync(bots, asha, "S-1", otp);
        var benLive = await CheckInSharingAsync(bots, ben, "S-2", otp);
        var chenLive = await CheckInSharingAsync(bots, chen, "S-3", otp);

        // Chen stops sharing far away: the last point Telegram sends has no live_period and proves nothing.
        await chen.StopLiveLocationAsync(bots.StudentBot, chenLive, FarLatitude, Longitude, horizontalAccuracy: 8);
        await HandledAsync(bots, chen);
        await MoveAsync(bots, asha, ashaLive, FarLatitude);
        var (text, _) = await ReportAsync(bots, teacher);
        var before = await SnapshotAsync(bots, ben);
        await MoveAsync(bots, ben, benLive, FarLatitude);

        Assert.Contains("Left the area before the code expired: 1 ", text, StringComparison.Ordinal);
        Assert.Contains("\nS-1 - Asha, left the area at ", text, StringComparison.Ordinal);
        Assert.Contains("\nS-2 - Ben\n", text, StringComparison.Ordinal);
        Assert.Contains("\nS-3 - Chen\n", text + "\n", StringComparison.Ordinal);
        Assert.Equal((null, null, 0), await LeftAsync(bots, "S-2"));
        Assert.Equal((null, null, 0), await LeftAsync(bots, "S-3"));
        Assert.Equal(before, await SnapshotAsync(bots, ben));
    }
}
