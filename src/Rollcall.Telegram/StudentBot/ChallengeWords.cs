using Rollcall.Faces;
using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.StudentBot;

/// <summary>A challenge in the student's words: the one line to follow while recording, and which part a failed note missed.</summary>
public static class ChallengeWords
{
    /// <summary>The line that asks for the challenge ("While recording, look at the camera and blink, then smile."), or nothing.</summary>
    public static TextRef Ask(Challenge challenge, bool again = false) => challenge.IsAsked
        ? new TextRef(again ? TextKey.ChallengeAskAgain : TextKey.ChallengeAsk, Action(challenge.First), Action(challenge.Second))
        : new TextRef(TextKey.ChallengeNone);

    /// <summary>Which part the note did not show.</summary>
    public static TextRef Missed(FaceCheck.ChallengeFailed failed) => failed.Miss switch
    {
        ChallengeMiss.First => new TextRef(TextKey.ChallengeMissFirst, Action(failed.Asked.First)),
        ChallengeMiss.Second => new TextRef(TextKey.ChallengeMissSecond, Action(failed.Asked.First), Action(failed.Asked.Second)),
        _ => new TextRef(TextKey.ChallengeMissOrder, Action(failed.Asked.First), Action(failed.Asked.Second)),
    };

    private static TextRef Action(ChallengeAction action) => new(action switch
    {
        ChallengeAction.Blink => TextKey.ChallengeBlink,
        ChallengeAction.Smile => TextKey.ChallengeSmile,
        _ => TextKey.ChallengeOpenMouth,
    });
}
