using Rollcall.Faces;

namespace Rollcall.Tests.Faces;

public sealed class ChallengePickTests
{
    [Fact]
    public void EveryOrderedPairOfTwoDifferentActions_IsAnOutcome()
    {
        Assert.Equal(6, ChallengePick.All.Distinct().Count());
        Assert.All(ChallengePick.All, c => Assert.NotEqual(c.First, c.Second));
        Assert.Contains(new Challenge(ChallengeAction.Smile, ChallengeAction.Blink), ChallengePick.All);
        Assert.Contains(new Challenge(ChallengeAction.Blink, ChallengeAction.Smile), ChallengePick.All);
    }

    [Fact]
    public void EvenlySpreadDraws_PickEveryOutcomeOnce()
    {
        var picked = Enumerable.Range(0, 6).Select(i => ChallengePick.Pick((i + 0.5) / 6, Challenge.None)).ToList();

        Assert.Equal(ChallengePick.All.OrderBy(c => c.ToString()), picked.OrderBy(c => c.ToString()));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.999999)]
    public void ARetry_IsNeverAskedTheSameChallengeAgain(double draw)
    {
        foreach (var previous in ChallengePick.All)
        {
            Assert.NotEqual(previous, ChallengePick.Pick(draw, previous));
        }
    }

    [Fact]
    public void ARetry_CanBeAskedAnyOfTheOtherFive()
    {
        var previous = ChallengePick.All[2];

        var picked = Enumerable.Range(0, 5).Select(i => ChallengePick.Pick((i + 0.5) / 5, previous)).Distinct().ToList();

        Assert.Equal(5, picked.Count);
    }

    [Fact]
    public void StoredForm_RoundTrips_AndFitsTheColumn()
    {
        foreach (var challenge in ChallengePick.All.Append(Challenge.None))
        {
            Assert.Equal(challenge, Challenge.Parse(challenge.ToString()));
            Assert.InRange(challenge.ToString().Length, 1, 16);
        }
    }

    [Theory]
    [InlineData("TurnLeft")]
    [InlineData("Blink")]
    [InlineData("Blink,Blink")]
    [InlineData("")]
    public void OldOrMalformedStoredValues_AreNoChallenge(string stored) => Assert.Equal(Challenge.None, Challenge.Parse(stored));
}
