using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rollcall.Simulation.BotApi;

/// <summary>The HTTP surface: /bot{token}/{method} for calls and /file/bot{token}/{path} for downloads.</summary>
internal static class BotApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], HandleCallAsync);
        app.MapGet("/file/bot{token}/{**path}", DownloadAsync);
    }

    private static async Task HandleCallAsync(HttpContext context, BotApiEmulator emulator, string token, string method)
    {
        var bot = emulator.FindBot(token);
        if (bot is null)
        {
            await WriteAsync(context, 401, Error(401, "Unauthorized", null));
            return;
        }

        try
        {
            var request = await BotApiRequest.ReadAsync(context.Request, context.RequestAborted);
            bot.Record(method, request.Parameters, emulator.Clock.GetUtcNow());
            if (bot.Faults.Take(method) is { } fault)
            {
                throw BotApiError.FromFault(fault);
            }

            if (bot.Flood is { } flood && FloodControl.Counts(method) && request.Long("chat_id") is { } chatId && flood.Take(chatId) is { } retryAfter)
            {
                bot.TooManyRequestsFor(chatId);
                throw BotApiError.FromFault(BotApiFault.TooManyRequests(retryAfter));
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, emulator.Stopping);
            var result = await BotMethods.InvokeAsync(emulator, bot, method, request, linked.Token);
            if (bot.TakeHold(method) is { } held)
            {
                await held.WaitAsync(linked.Token);
            }

            await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
        }
        catch (BotApiError error)
        {
            await WriteAsync(context, error.ErrorCode, Error(error.ErrorCode, error.Message, error.RetryAfter));
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            await WriteAsync(context, 400, Error(400, $"Bad Request: {exception.Message}", null));
        }
    }

    private static async Task DownloadAsync(HttpContext context, BotApiEmulator emulator, string token, string path)
    {
        var bot = emulator.FindBot(token);
        var file = bot is null ? null : emulator.Files.FindByPath(path);
        if (file is null)
        {
            await WriteAsync(context, 404, Error(404, "Not Found", null));
            return;
        }

        // Downloads are not Bot API methods; their faults are queued under "download".
        if (bot!.Faults.Take("download") is { } fault)
        {
            await WriteAsync(context, fault.ErrorCode, Error(fault.ErrorCode, fault.Description, fault.RetryAfter));
            return;
        }

        context.Response.ContentType = file.MimeType ?? "application/octet-stream";
        context.Response.ContentLength = file.Bytes.Length;
        if (bot.TakeStall())
        {
            await StallAsync(context, emulator, bot, file.Bytes);
            return;
        }

        await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
    }

    /// <summary>Half the bytes, flushed, then silence until the client aborts (or the emulator stops).</summary>
    private static async Task StallAsync(HttpContext context, BotApiEmulator emulator, EmulatedBot bot, byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, emulator.Stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            bot.Abandoned();
        }
        catch (OperationCanceledException)
        {
            // The emulator is stopping.
        }
    }

    private static JsonObject Error(int code, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error;
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
