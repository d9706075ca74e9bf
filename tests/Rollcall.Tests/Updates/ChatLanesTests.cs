using System.Collections.Concurrent;
using Rollcall.Telegram.Updates;

namespace Rollcall.Tests.Updates;

public sealed class ChatLanesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AChatHeldUpByItsOwnWork_HoldsUpNoOtherChat_AndItsOwnItemsKeepTheirOrder()
    {
        var lanes = new ChatLanes<int>(capacity: 10);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<(long Chat, int Item)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = lanes.RunAsync(2, async (chat, item, ct) =>
        {
            order.Enqueue((chat, item));
            if (chat == 1 && item == 1)
            {
                // Chat 1 waits (a 429's retry_after) until chat 2 has been served.
                await released.Task.WaitAsync(ct);
            }

            if (chat == 2)
            {
                otherDone.TrySetResult();
            }
        }, e => Assert.Fail(e.ToString()), stop.Token);

        lanes.TryAdd(1, 1);
        lanes.TryAdd(1, 2);
        lanes.TryAdd(1, 3);
        lanes.TryAdd(2, 1);
        await otherDone.Task.WaitAsync(Ct);
        Assert.DoesNotContain((1L, 2), order);
        released.SetResult();
        await lanes.WhenIdleAsync(Ct);
        await stop.CancelAsync();
        await running;

        Assert.Equal([1, 2, 3], order.Where(o => o.Chat == 1).Select(o => o.Item));
    }

    [Fact]
    public void AChatsLane_IsBounded_WhileOtherChatsStillQueue()
    {
        var lanes = new ChatLanes<int>(capacity: 3);

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(i => lanes.TryAdd(7, i)));
        Assert.True(lanes.TryAdd(8, 0));
        Assert.Equal(4, lanes.Count);
    }
}
