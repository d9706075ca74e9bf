using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Geofence;
using Rollcall.Ports;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using Rollcall.Tests.Updates;

namespace Rollcall.Tests.StudentBot;

public sealed class StudentConversationTests
{
    private static readonly GeoPoint Classroom = new(12.97160, 77.59460);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeCheckIns _store = new();
    private StudentConversation _conversation = new(Options.Create(new ClassroomOptions()), Options.Create(new StudentBotOptions()));
    private StudentState _state = StudentState.Start;

    public StudentConversationTests() => _store.Open("654321", "S1", _time.GetUtcNow().AddSeconds(120), Classroom);

    [Fact]
    public async Task BadlyFormedStudentId_IsAskedAgain()
    {
        await Say(In.Command("start"));

        var replies = await Say(In.Text("S 1; drop"));

        Assert.Equal(TextKey.BadStudentId, replies.Single().Key);
    }

    [Fact]
    public async Task RightCode_WelcomesTheStudentByNameAndBatch()
    {
        await Say(In.Command("start"));
        await Say(In.Text("s1"));

        var replies = await Say(In.Text("654321"));

        var welcome = (Reply.Message)replies.Single();
        Assert.Equal(TextKey.StudentWelcome, welcome.Key);
        Assert.Equal(["Asha", "CS-A"], welcome.Content.Args);
        Assert.Equal(StudentStep.AwaitLocation, _state.Step);
    }

    [Fact]
    public async Task Code_ExpiresBecauseTheClockMoved()
    {
        await Say(In.Command("start"));
        await Say(In.Text("S1"));
        _time.Advance(TimeSpan.FromSeconds(121));

        var replies = await Say(In.Text("654321"));

        Assert.Equal(TextKey.OtpNotFound, replies.Single().Key);
        Assert.Equal(StudentStep.AwaitOtp, _state.Step);
    }

    [Fact]
    public async Task WrongCodes_LockTheStudentOut_WithTheTimeLeft()
    {
        await Say(In.Command("start"));
        await Say(In.Text("S1"));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(TextKey.OtpNotFound, (await Say(In.Text("111111"))).Single().Key);
        }

        var fifth = await Say(In.Text("111111"));
        _time.Advance(TimeSpan.FromSeconds(100));
        var evenTheRightCode = await Say(In.Text("654321"));

        Assert.Equal(TextKey.LockedOut, fifth.Single().Key);
        var locked = (Reply.Message)evenTheRightCode.Single();
        Assert.Equal(TextKey.LockedOut, locked.Key);
        Assert.Equal(500, locked.Content.Args[0]);
    }

    [Fact]
    public async Task StudentAlreadyPresent_IsToldSo()
    {
        _store.Open("222222", "S9", _time.GetUtcNow().AddSeconds(60), Classroom, present: true);
        await Say(In.Command("start"));
        await Say(In.Text("S9"));

        var replies = await Say(In.Text("222222"));

        Assert.Equal(TextKey.AlreadyPresent, replies.Single().Key);
    }

    [Theory]
    [InlineData(AccountCheck.BoundToAnotherAccount, TextKey.BoundToAnotherAccount)]
    [InlineData(AccountCheck.AnotherIdThisSession, TextKey.AnotherIdThisSession)]
    public async Task IdBoundElsewhereOrSecondIdFromOneAccount_IsRefused(AccountCheck check, TextKey expected)
    {
        _store.Open("333333", "S7", _time.GetUtcNow().AddSeconds(60), Classroom);
        _store.Account = check;
        await Say(In.Command("start"));
        await Say(In.Text("S7"));

        var replies = await Say(In.Text("333333"));

        Assert.Equal(expected, replies.Single().Key);
        Assert.Equal(StudentStep.Idle, _state.Step);
    }

    [Fact]
    public async Task StaticPin_IsRefused()
    {
        await ReachLocation();

        var replies = await Say(In.Location(12.97160, 77.59460, live: false));

        Assert.Equal(TextKey.LocationNotLive, replies.Single().Key);
        Assert.Equal(StudentStep.AwaitLocation, _state.Step);
    }

    [Fact]
    public async Task StudentOutsideGeofence_IsToldTheDistanceAndLimit()
    {
        await ReachLocation();

        var replies = await Say(In.Location(12.97260, 77.59460));

        var tooFar = (Reply.Message)replies.Single();
        Assert.Equal(TextKey.TooFar, tooFar.Key);
        Assert.InRange((double)tooFar.Content.Args[0], 109, 112);
        Assert.Equal(50.0, tooFar.Content.Args[1]);
        Assert.StartsWith("Too far (111 m). Limit: 50 m.", BotTexts.Format(tooFar.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhotoInsteadOfVideoNote_AsksForTheRoundVideo()
    {
        await ReachVideoNote();

        var replies = await Say(In.From(new BotInput.OtherMedia("photo")));

        Assert.Equal(TextKey.PleaseVideoNote, replies.Single().Key);
        Assert.Empty(_store.Queued);
    }

    [Fact]
    public async Task ForwardedVideoNote_IsRefused()
    {
        await ReachVideoNote();

        var replies = await Say(In.From(new BotInput.VideoNote("f1", "u1", 100_000, 5, Forwarded: true)));

        Assert.Equal(TextKey.VideoNoteForwarded, replies.Single().Key);
        Assert.Empty(_store.Queued);
    }

    [Fact]
    public async Task VideoNote_IsQueuedAndAnsweredAtOnce()
    {
        await ReachVideoNote();

        var turn = await Step(In.From(new BotInput.VideoNote("f1", "u1", 100_000, 5, Forwarded: false)));

        Assert.Equal(TextKey.Processing, turn.Replies.Single().Key);
        Assert.Single(turn.QueuedJobs);
        Assert.Equal("S1", _store.Queued.Single().StudentId);
    }

    [Fact]
    public async Task ReplayedVideoNote_IsRefused()
    {
        await ReachVideoNote();
        await Say(In.From(new BotInput.VideoNote("f1", "u1", 100_000, 5, Forwarded: false)));

        var replies = await Say(In.From(new BotInput.VideoNote("f2", "u1", 100_000, 5, Forwarded: false)));

        Assert.Equal(TextKey.VideoNoteReplayed, replies.Single().Key);
    }

    [Fact]
    public async Task Challenge_IsAskedInOneLine_AndTravelsWithTheJob_WithTheNextAttemptsOwn()
    {
        var draws = new Queue<double>([0.1, 0.9]);
        _conversation = new(Options.Create(new ClassroomOptions()), Options.Create(new StudentBotOptions { Challenge = "on" }), draws.Dequeue);
        await ReachLocation();

        var ask = (Reply.Message)(await Say(In.Location(12.97170, 77.59460))).Single();
        await Say(In.From(new BotInput.VideoNote("f1", "u1", 100_000, 5, Forwarded: false)));

        var asked = new Challenge(ChallengeAction.Blink, ChallengeAction.Smile);
        Assert.EndsWith("\nWhile recording, look at the camera and blink, then smile.", BotTexts.Format(ask.Content), StringComparison.Ordinal);
        var job = _store.Queued.Single();
        Assert.Equal(asked, job.Challenge);
        Assert.NotEqual(asked, job.NextChallenge);
        Assert.True(job.NextChallenge.IsAsked);
        Assert.Equal(job.NextChallenge, _state.Challenge);
    }

    [Fact]
    public async Task ChallengeOff_AsksForAFaceOnly()
    {
        _conversation = new(Options.Create(new ClassroomOptions()), Options.Create(new StudentBotOptions { Challenge = "off" }));
        await ReachLocation();

        var ask = (Reply.Message)(await Say(In.Location(12.97170, 77.59460))).Single();
        await Say(In.From(new BotInput.VideoNote("f1", "u1", 100_000, 5, Forwarded: false)));

        Assert.EndsWith("showing your face.", BotTexts.Format(ask.Content), StringComparison.Ordinal);
        Assert.Equal((Challenge.None, Challenge.None), (_store.Queued.Single().Challenge, _store.Queued.Single().NextChallenge));
    }

    [Fact]
    public async Task DecidedCheckIn_PutsTheChatAtRest_ForItsNextStep()
    {
        await ReachVideoNote();
        await Say(In.From(new BotInput.VideoNote("f1", "u1", 100_000, 5, Forwarded: false)));
        var stillChecking = await StudentConversation.SettleAsync(_state, _store, TestContext.Current.CancellationToken);

        _store.Marks[(_state.SessionId!.Value, "S1")] = new MarkState(MarkStatus.Present, 1);
        var settled = await StudentConversation.SettleAsync(_state, _store, TestContext.Current.CancellationToken);

        Assert.Equal(StudentStep.AwaitVideoNote, stillChecking.Step);
        Assert.Equal(StudentState.Start, settled);
    }

    private async Task ReachLocation()
    {
        await Say(In.Command("start"));
        await Say(In.Text("S1"));
        await Say(In.Text("654321"));
    }

    private async Task ReachVideoNote()
    {
        await ReachLocation();
        Assert.Equal(TextKey.AskVideoNote, (await Say(In.Location(12.97170, 77.59460))).Single().Key);
    }

    private async Task<IReadOnlyList<Reply>> Say(Inbound inbound) => (await Step(inbound)).Replies;

    private async Task<StudentTurn> Step(Inbound inbound)
    {
        var turn = await _conversation.StepAsync(StateJson.Read(StateJson.Write(_state), StudentState.Start), inbound, _store, _time.GetUtcNow(),
            TestContext.Current.CancellationToken);
        _state = turn.State;
        return turn;
    }
}
