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

    [Theory]
    [InlineData(ChallengeMiss.First, "The video note did not show you blink.")]
    [InlineData(ChallengeMiss.Second, "The video note showed you blink, but not smile after it.")]
    [InlineData(ChallengeMiss.Order, "The video note showed you smile before you blink.")]
    public void FailedChallenge_SaysWhichPartWasNotSeen_AndWhatTheNextAttemptAsks(ChallengeMiss miss, string part)
    {
        var decision = new VerificationDecision("Maths", MarkStatus.Pending, AttemptsLeft: 1, AlreadyDecided: false);
        var failed = new FaceCheck.ChallengeFailed(88, new Challenge(ChallengeAction.Blink, ChallengeAction.Smile), miss);

        var text = BotTexts.Format(VerificationMessages.For(failed, decision, next: new Challenge(ChallengeAction.OpenMouth, ChallengeAction.Blink)).Content);

        Assert.Equal($"{part} 1 attempt(s) left: record a new video note. This time, while recording, look at the camera and open your mouth wide, then blink.", text);
    }

    [Fact]
    public void AnyFailureWithAttemptsLeft_TellsTheNextChallenge()
    {
        var decision = new VerificationDecision("Maths", MarkStatus.Pending, AttemptsLeft: 1, AlreadyDecided: false);

        var text = BotTexts.Format(VerificationMessages.For(new FaceCheck.NoFace(), decision, next: new Challenge(ChallengeAction.Smile, ChallengeAction.OpenMouth)).Content);

        Assert.EndsWith("record a new video note. This time, while recording, look at the camera and smile, then open your mouth wide.", text, StringComparison.Ordinal);
    }
}
