using Rollcall.Appeals;
using Rollcall.Attendance;

namespace Rollcall.Tests.Appeals;

public sealed class AppealRulesTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(AppealRules.DefaultHours);
    private static readonly AppealFacts Refused = new(OwnReceipt: true, MarkStatus.Refused, Opened, Earlier: null);

    [Theory]
    [InlineData(MarkStatus.Refused)]
    [InlineData(MarkStatus.Absent)]
    public void RefusedOrAbsentStudent_WithTheirReceipt_InTime_MayAppeal(MarkStatus status) =>
        Assert.Equal(AppealAdmission.Admitted, AppealRules.Admit(Refused with { Status = status }, Opened.AddHours(47), Window));

    [Theory]
    [InlineData(MarkStatus.Present)]
    [InlineData(MarkStatus.Late)]
    [InlineData(MarkStatus.Excused)]
    [InlineData(MarkStatus.InReview)]
    [InlineData(MarkStatus.Pending)]
    public void StudentNotRefused_HasNothingToAppeal(MarkStatus status) =>
        Assert.Equal(AppealAdmission.NotRefused, AppealRules.Admit(Refused with { Status = status }, Opened.AddHours(1), Window));

    [Fact]
    public void TheWindowIncludesItsLastMoment_AndNotAfter()
    {
        Assert.Equal(AppealAdmission.Admitted, AppealRules.Admit(Refused, Opened + Window, Window));
        Assert.Equal(AppealAdmission.TooLate, AppealRules.Admit(Refused, Opened + Window + TimeSpan.FromSeconds(1), Window));
    }

    [Fact]
    public void AnotherStudentsReceipt_OrNoReceipt_IsUnknown()
    {
        Assert.Equal(AppealAdmission.UnknownReceipt, AppealRules.Admit(Refused with { OwnReceipt = false }, Opened.AddHours(1), Window));
        Assert.Equal(AppealAdmission.UnknownReceipt, AppealRules.Admit(null, Opened.AddHours(1), Window));
    }

    [Theory]
    [InlineData(AppealState.Open, AppealAdmission.AlreadyOpen)]
    [InlineData(AppealState.Rejected, AppealAdmission.AlreadyDecided)]
    [InlineData(AppealState.Approved, AppealAdmission.AlreadyDecided)]
    public void OneAppealPerStudentAndSession(AppealState earlier, AppealAdmission expected) =>
        Assert.Equal(expected, AppealRules.Admit(Refused with { Earlier = earlier }, Opened.AddHours(1), Window));

    [Fact]
    public void AnotherStudentsReceipt_SaysNothingAboutTheirAppeals() =>
        Assert.Equal(AppealAdmission.UnknownReceipt,
            AppealRules.Admit(Refused with { OwnReceipt = false, Earlier = AppealState.Open }, Opened.AddHours(1), Window));
}
