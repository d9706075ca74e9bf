using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;

namespace Rollcall.Tests.Enrolment;

public sealed class EnrolmentRulesTests
{
    private const long Account = 42;
    private static readonly EnrolmentFacts Free = new(OnRoster: true, HasPhoto: false, BoundTo: null, AccountBoundTo: null, OpenBy: null, RequestsToday: 0);

    [Fact]
    public void StudentOnTheRosterWithoutAPhoto_MayEnrol() => Assert.Equal(EnrolmentAdmission.Open, EnrolmentRules.Admit(Free, "S-1", Account));

    [Fact]
    public void IdBoundToThisAccount_MayEnrol() =>
        Assert.Equal(EnrolmentAdmission.Open, EnrolmentRules.Admit(Free with { BoundTo = Account, AccountBoundTo = "S-1" }, "S-1", Account));

    [Theory]
    [InlineData(false, false, null, null, null, 0, EnrolmentAdmission.NotOnRoster)]
    [InlineData(true, true, null, null, null, 0, EnrolmentAdmission.HasPhoto)]
    [InlineData(true, false, 7L, null, null, 0, EnrolmentAdmission.BoundToAnotherAccount)]
    [InlineData(true, false, null, "S-9", null, 0, EnrolmentAdmission.AccountHasAnotherId)]
    [InlineData(true, false, null, null, Account, 0, EnrolmentAdmission.AlreadyRequested)]
    [InlineData(true, false, null, null, 7L, 0, EnrolmentAdmission.RequestedByAnother)]
    [InlineData(true, false, null, null, null, EnrolmentRules.RequestsPerDay, EnrolmentAdmission.TooManyRequests)]
    public void WhoMayNotEnrol(bool onRoster, bool hasPhoto, long? boundTo, string? accountBoundTo, long? openBy, int today, EnrolmentAdmission expected) =>
        Assert.Equal(expected, EnrolmentRules.Admit(new EnrolmentFacts(onRoster, hasPhoto, boundTo, accountBoundTo, openBy, today), "S-1", Account));

    [Fact]
    public void AnOpenRequestOfAnotherAccount_IsToldApart_EvenWhenThisAccountAskedTooOften() =>
        Assert.Equal(EnrolmentAdmission.RequestedByAnother, EnrolmentRules.Admit(Free with { OpenBy = 7, RequestsToday = 9 }, "S-1", Account));

    [Fact]
    public void AccountWithARequestOpenForAnotherId_WaitsForIt() =>
        Assert.Equal(EnrolmentAdmission.AlreadyRequested, EnrolmentRules.Admit(Free with { AccountWaitingFor = "S-2" }, "S-1", Account));

    [Fact]
    public void UnusableNote_IsRefusedWithWhatTheEngineSaw()
    {
        var verdict = EnrolmentRules.Judge(new FaceCheck.SeveralFaces(2), new LookAlike("S-2", 0.9f), threshold: 70);

        Assert.Equal(new EnrolmentVerdict.Unusable(new FaceCheck.SeveralFaces(2)), verdict);
    }

    [Fact]
    public void FaceThatWouldCheckInAsAnotherId_BelongsToIt()
    {
        // Cosine 0.45 is similarity 75: a check-in as S-2 with this face would pass at 70.
        var verdict = EnrolmentRules.Judge(null, new LookAlike("S-2", 0.45f), threshold: 70);

        Assert.Equal("S-2", Assert.IsType<EnrolmentVerdict.FaceOfAnother>(verdict).Owner.StudentId);
    }

    [Fact]
    public void FaceBelowTheThreshold_OrNoOtherFace_GoesToApproval()
    {
        Assert.IsType<EnrolmentVerdict.ToApprove>(EnrolmentRules.Judge(null, new LookAlike("S-2", 0.39f), threshold: 70));
        Assert.IsType<EnrolmentVerdict.ToApprove>(EnrolmentRules.Judge(null, null, threshold: 70));
    }

    [Fact]
    public void Nearest_OfAnEnrolledAndAnAwaitingFace_IsTheCloser()
    {
        var enrolled = new LookAlike("S-2", 0.2f);
        var awaiting = new LookAlike("S-3", 0.6f);

        Assert.Equal(awaiting, EnrolmentRules.Nearest(enrolled, awaiting));
        Assert.Equal(enrolled, EnrolmentRules.Nearest(enrolled, null));
        Assert.Null(EnrolmentRules.Nearest(null, null));
    }
}
