using Rollcall.Otp;

namespace Rollcall.Tests.Otp;

public sealed class OtpLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly OtpLimits Limits = new(MaxTries: 3, SessionMaxTries: 5, Lockout: TimeSpan.FromMinutes(10));

    [Fact]
    public void WrongPairs_LockOutAtTheLimit_ForTheLockoutPeriod()
    {
        OtpCount? count = null;
        var failures = new List<OtpFailure>();
        for (var i = 0; i < 3; i++)
        {
            var result = OtpLockout.RecordFailure(count, Now, Limits, sessionWrongIds: null);
            count = result.Count;
            failures.Add(result.Failure);
        }

        Assert.Equal([new OtpFailure(2, null), new OtpFailure(1, null), new OtpFailure(0, Now.AddMinutes(10))], failures);
        Assert.Equal(Now.AddMinutes(10), OtpLockout.LockedUntil(count, Now.AddMinutes(9)));
        Assert.Null(OtpLockout.LockedUntil(count, Now.AddMinutes(10)));
    }

    [Fact]
    public void FinishedLockout_OrOldFailures_StartAFreshCount()
    {
        var locked = new OtpCount(3, Now, Now.AddMinutes(10));
        var old = new OtpCount(2, Now, null);

        Assert.Equal(new OtpFailure(2, null), OtpLockout.RecordFailure(locked, Now.AddMinutes(11), Limits, sessionWrongIds: null).Failure);
        Assert.Equal(new OtpFailure(2, null), OtpLockout.RecordFailure(old, Now.AddMinutes(11), Limits, sessionWrongIds: null).Failure);
        Assert.Equal(new OtpFailure(0, Now.AddMinutes(19)), OtpLockout.RecordFailure(old, Now.AddMinutes(9), Limits, sessionWrongIds: null).Failure);
    }

    [Fact]
    public void SessionPastItsWrongIdLimit_LocksANewAccountAtItsSecondTry_NotItsFirstTypo()
    {
        var below = OtpLockout.RecordFailure(null, Now, Limits, sessionWrongIds: 4);
        var first = OtpLockout.RecordFailure(null, Now, Limits, sessionWrongIds: 5);
        var second = OtpLockout.RecordFailure(first.Count, Now, Limits, sessionWrongIds: 6);

        Assert.Equal((new OtpFailure(2, null), false), (below.Failure, below.Locks));
        Assert.Equal((new OtpFailure(1, null), false), (first.Failure, first.Locks));
        Assert.Equal((new OtpFailure(0, Now.AddMinutes(10)), "session's wrong-ID limit reached"), (second.Failure, second.LockReason));
    }

    [Fact]
    public void SessionPastItsWrongCodeLimit_LocksSooner_AndTheAccountLimitStillApplies()
    {
        var limits = Limits with { SessionMaxWrongCodes = 10, SaturatedMaxTries = 2 };
        var below = OtpLockout.RecordFailure(null, Now, limits, new SessionTries(0, 9));
        var first = OtpLockout.RecordFailure(null, Now, limits, new SessionTries(0, 10));
        var second = OtpLockout.RecordFailure(first.Count, Now, limits, new SessionTries(0, 11));
        var strict = OtpLockout.RecordFailure(null, Now, limits with { MaxTries = 1 }, new SessionTries(0, 10));

        Assert.Equal(new OtpFailure(2, null), below.Failure);
        Assert.Equal(new OtpFailure(1, null), first.Failure);
        Assert.Equal((new OtpFailure(0, Now.AddMinutes(10)), "session's wrong-code limit reached"), (second.Failure, second.LockReason));
        Assert.Equal("1 wrong codes", strict.LockReason);
    }
}
