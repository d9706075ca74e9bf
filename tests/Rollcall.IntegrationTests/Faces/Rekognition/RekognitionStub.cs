using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Rollcall.Faces.Rekognition;

namespace Rollcall.IntegrationTests.Faces.Rekognition;

/// <summary>
/// A CompareFaces endpoint on 127.0.0.1 (port 0): recomputes each request's Signature V4 from what arrived and answers 403 when it differs,
/// else the next queued documented response.
/// </summary>
public sealed class RekognitionStub(AwsCredentials credentials, string region) : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Json)> answers = new();
    private readonly ConcurrentQueue<JsonDocument> requests = new();
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Request bodies that were correctly signed, in order.</summary>
    public IReadOnlyCollection<JsonDocument> Requests => requests;

    public int BadSignatures { get; private set; }

    public void Answer(int status, string json) => answers.Enqueue((status, json));

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First() + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        foreach (var request in requests)
        {
            request.Dispose();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var amzDate = headers["X-Amz-Date"].ToString();
        var time = DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        KeyValuePair<string, string>[] signed =
        [
            new("content-type", headers.ContentType.ToString()), new("host", headers.Host.ToString()),
            new("x-amz-date", amzDate), new("x-amz-target", headers["X-Amz-Target"].ToString()),
        ];
        var expected = SignatureV4.Authorization(context.Request.Method, context.Request.Path.Value ?? "/", signed, body, credentials, region, "rekognition", time);
        if (headers.Authorization.ToString() != expected || headers["X-Amz-Target"] != "RekognitionService.CompareFaces")
        {
            BadSignatures++;
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("""{"__type":"InvalidSignatureException","message":"The request signature we calculated does not match the signature you provided."}""");
            return;
        }

        requests.Enqueue(JsonDocument.Parse(body));
        var (status, json) = answers.TryDequeue(out var answer) ? answer : (500, """{"__type":"InternalServerError","Message":"no answer queued"}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync(json);
    }
}
