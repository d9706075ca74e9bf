using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Storage.CheckIns;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;

namespace Rollcall.Tests.StudentBot;

public sealed class VerificationMessagesTests
{
    [Fact]
    public void Mismatch_QuotesConfidenceRequiredAndAttemptsLeft()
    {
        var decision = new VerificationDecision("Maths", MarkStatus.Pending, AttemptsLeft: 1, AlreadyDecided: false);

        var text = BotTexts.Format(VerificationMessages.For(new FaceCheck.Mismatch(55.24, 0.9, 12, 70), decision).Content);

        Assert.Equal("Confidence 55.2 %, required 70.0 %. 1 attempt(s) left: record a new video note.", text);
    }

    [Fact]
    public void LastFailure_SaysTheTeacherHasBeenTold()
    {
        var decision = new VerificationDecision("Maths", MarkStatus.Refused, AttemptsLeft: 0, AlreadyDecided: false);

        var text = BotTexts.Format(VerificationMessages.For(new FaceCheck.NoFace(), decision).Content);

        Assert.EndsWith("Your teacher has been told and can mark you or give you another try.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_MarksAttendance()
    {
        var decision = new VerificationDecision("Maths", MarkStatus.Present, AttemptsLeft: 1, AlreadyDecided: false);

        Assert.Equal(TextKey.AttendanceMarked, VerificationMessages.For(new FaceCheck.Match(91, 0.9, 12, 70), decision).Key);
    }
}
