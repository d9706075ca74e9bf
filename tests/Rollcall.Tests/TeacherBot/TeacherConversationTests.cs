using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Rollcall.Otp;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.TeacherBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using Rollcall.Tests.Updates;

namespace Rollcall.Tests.TeacherBot;

public sealed class TeacherConversationTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeLms _lms = new();
    private readonly FakeAccounts _accounts = new();
    private readonly FakeSessions _sessions = new();
    private readonly TeacherConversation _conversation;
    private readonly ConversationIdle _idle = new(new ClassroomOptions().ConversationIdleMinutes);
    private TeacherState _state = TeacherState.Start;
    private Guid? _shown;
    private DateTimeOffset _lastTurn;

    public TeacherConversationTests() =>
        _conversation = new TeacherConversation(_accounts, _lms, new OtpIssuer(_ => 123456), Options.Create(new ClassroomOptions()));

    [Fact]
    public async Task SomeoneElsesContact_IsRefused()
    {
        await Say(In.Command("start"));

        var replies = await Say(In.Contact("+91 98765 43210", own: false));

        Assert.Equal(TextKey.ContactNotOwn, replies.Single().Key);
        Assert.Equal(TeacherStep.AwaitContact, _state.Step);
    }

    [Fact]
    public async Task UnknownPhone_IsNotRegistered()
    {
        await Say(In.Command("start"));

        var replies = await Say(In.Contact("+1 555 0100", own: true));

        Assert.Equal(TextKey.NotRegistered, replies.Single().Key);
        Assert.Equal(TeacherStep.Idle, _state.Step);
    }

    [Fact]
    public async Task WrongPasswordThenRight_SignsInAndDeletesBothPasswords()
    {
        await SignInUpToPassword();

        var wrong = await Say(In.Text("wrong", messageId: 41));
        Assert.Equal(new Reply.Delete(41), wrong[0]);
        Assert.Equal(TextKey.WrongCredentials, wrong[1].Key);

        await Say(In.Text("rao@college.edu"));
        var right = await Say(In.Text("right", messageId: 43));

        Assert.Equal(new Reply.Delete(43), right[0]);
        Assert.Equal(TextKey.ChooseBatches, right[1].Key);
        Assert.Equal("right", _accounts.Stored?.Password);
        Assert.DoesNotContain("right", StateJson.Write(_state), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LmsDownAtSignIn_SaysSoAndTheTeacherCanRetry()
    {
        await SignInUpToPassword();
        _lms.Down = true;

        var down = await Say(In.Text("right"));
        Assert.Equal(TextKey.LmsUnavailable, down[1].Key);

        _lms.Down = false;
        var retry = await Say(In.Text("right"));
        Assert.Equal(TextKey.ChooseBatches, retry[1].Key);
    }

    [Fact]
    public async Task KnownTeacher_IsWelcomedBackToTheBatches()
    {
        await SignIn();

        var replies = await Say(In.Command("start"));

        Assert.Equal(TextKey.TeacherWelcomeBack, replies[0].Key);
        Assert.Equal(TextKey.ChooseBatches, replies[1].Key);
    }

    [Fact]
    public async Task TogglingABatch_TicksIt_AndSubjectsAreThoseCommonToTheSelection()
    {
        await SignIn();

        var toggled = await Say(In.Callback(Data("b:0")));
        var edit = Assert.IsType<Reply.EditKeyboard>(toggled[1]);
        Assert.StartsWith("✅", edit.Keyboard.Buttons[0].Label, StringComparison.Ordinal);

        await Say(In.Callback(Data("b:1")));
        var done = await Say(In.Callback(Data("done")));

        var subjects = Assert.IsType<Keyboard.Inline>(((Reply.Message)done[2]).Keyboard);
        Assert.Equal(["Maths"], subjects.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task ButtonOfAnOldKeyboard_HasExpired()
    {
        await SignIn();

        var replies = await Say(In.Callback("DEADBEEF:b:0"));

        Assert.Equal(TextKey.ButtonExpired, Assert.IsType<Reply.AnswerCallback>(replies[0]).Toast?.Key);
        Assert.Empty(_state.Selected);
    }

    [Fact]
    public async Task Location_OpensTheSession_WithCodeAndTheUnionOfRosters()
    {
        await SignIn();
        await ChooseBothBatchesAndMaths();

        var replies = await Say(In.Location(12.9716, 77.5946, live: false, accuracy: 12));

        // The session message (code, QR, live counts) follows the turn: the handler shows it from the store.
        Assert.Empty(replies);
        var draft = _sessions.Opened.Single();
        Assert.Equal(_sessions.Ids.Single(), _shown);
        Assert.Equal(["CS-A", "CS-B"], draft.Batches);
        Assert.Equal(3, draft.Roster.Count);
        Assert.Equal((12.9716, 12.0), (draft.Centre.Latitude, draft.Centre.AccuracyMetres));
        Assert.Equal(TimeSpan.FromSeconds(120), draft.Times.OtpLifetime);
    }

    [Theory]
    [InlineData(false, 80.0, TextKey.TeacherLocationCoarse)]
    [InlineData(true, 10.0, TextKey.LocationForwarded)]
    public async Task TeachersOwnFix_ForwardedOrCoarserThanTheArea_IsRefused_AndAskedAgain(bool forwarded, double accuracy, TextKey refusal)
    {
        await SignIn();
        await ChooseBothBatchesAndMaths();

        var replies = await Say(In.Location(12.9716, 77.5946, live: false, accuracy: accuracy, forwarded: forwarded));

        Assert.Equal(refusal, replies.Single().Key);
        Assert.Equal(TeacherStep.AwaitLocation, _state.Step);
        Assert.Empty(_sessions.Opened);
    }

    [Fact]
    public async Task TeacherWithSessionToday_CannotOpenADuplicate()
    {
        await SignIn();
        await ChooseBothBatchesAndMaths();
        await Say(In.Location(12.9716, 77.5946));

        await Say(In.Command("start"));
        await ChooseBothBatchesAndMaths();
        var replies = await Say(In.Location(12.9716, 77.5946));

        Assert.Equal(TextKey.DuplicateSession, replies.Single().Key);
        Assert.Single(_sessions.Opened);
        Assert.Equal(_sessions.Ids.Single(), _shown);
    }

    [Fact]
    public async Task IdleConversation_TimesOutWithAMessage()
    {
        await Say(In.Command("start"));
        _time.Advance(TimeSpan.FromMinutes(16));

        var replies = await Say(In.Contact("+91 98765 43210", own: true));

        Assert.Equal(TextKey.IdleTimeout, replies[0].Key);
        Assert.Equal(TeacherStep.Idle, _state.Step);
    }

    [Fact]
    public async Task Cancel_LeavesAnyStep()
    {
        await SignInUpToPassword();

        var replies = await Say(In.Command("cancel"));

        Assert.Equal(TextKey.Cancelled, replies.Single().Key);
        Assert.Equal(TeacherStep.Idle, _state.Step);
    }

    private string Data(string action) => $"{_state.KeyboardToken}:{action}";

    private async Task SignInUpToPassword()
    {
        await Say(In.Command("start"));
        await Say(In.Contact("+91 98765 43210", own: true));
        await Say(In.Text("rao@college.edu"));
    }

    private async Task SignIn()
    {
        await SignInUpToPassword();
        await Say(In.Text("right"));
    }

    private async Task ChooseBothBatchesAndMaths()
    {
        await Say(In.Callback(Data("b:0")));
        await Say(In.Callback(Data("b:1")));
        await Say(In.Callback(Data("done")));
        await Say(In.Callback(Data("s:0")));
    }

    private async Task<IReadOnlyList<Reply>> Say(Inbound inbound)
    {
        // The state goes through JSON each turn, as it does through the Conversation row, and the router's idle time-out applies.
        var now = _time.GetUtcNow();
        var (state, before) = _idle.Resume(StateJson.Read(StateJson.Write(_state), TeacherState.Start), _state.Step != TeacherStep.Idle, TeacherState.Start, _lastTurn, now);
        var turn = await _conversation.StepAsync(state, inbound, _sessions, now, TestContext.Current.CancellationToken);
        (_state, _lastTurn, _shown) = (turn.State, now, turn.ShowSession);
        return [.. before, .. turn.Replies];
    }
}
