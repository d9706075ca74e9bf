using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rollcall.Simulation.Lms;

namespace Rollcall.IntegrationTests.Simulation;

/// <summary>The fake LMS as raw HTTP sees it: checks, read-back shapes, and going down and up on one port.</summary>
public sealed class LmsServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_KeepsThePort_TheRecordsAndTheCallLog()
    {
        await using var lms = new LmsServer(LmsSeed.Sample);
        await lms.StartAsync(Ct);
        using var http = new HttpClient();
        var baseUrl = lms.BaseUrl;
        await SubmitAsync(http, lms, "Python");

        await lms.StopAsync(Ct);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"{baseUrl}/attendance", Ct));
        await lms.StartAsync(Ct);

        Assert.Equal(baseUrl, lms.BaseUrl);
        Assert.Single(lms.Records);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{baseUrl}/attendance", Ct)).StatusCode);
        Assert.Equal([200, 201, 401], lms.Calls.Select(c => c.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetAttends_ReturnsTheStatuses_WithOrWithoutTheDatesLevel(bool omitDatesLevel)
    {
        await using var lms = new LmsServer(LmsSeed.Sample, new LmsServerOptions { OmitDatesLevel = omitDatesLevel });
        await lms.StartAsync(Ct);
        using var http = new HttpClient();
        var token = await SubmitAsync(http, lms, "SQL");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{lms.BaseUrl}/getattends?location=Main%20Campus&subject=SQL&batch=B-101&userType=Mentor");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await (await http.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct);

        var byDate = omitDatesLevel ? body!["data"]![0]! : body!["data"]![0]!["dates"]!;
        Assert.Equal(1, (int)byDate["2025-03-10"]!["SQL"]!["students"]![0]!["status"]!);
    }

    [Fact]
    public async Task AttendanceWithAnotherCampus_IsRefused()
    {
        await using var lms = new LmsServer(LmsSeed.Sample);
        await lms.StartAsync(Ct);
        using var http = new HttpClient();
        var token = await LoginAsync(http, lms);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{lms.BaseUrl}/attendance")
        {
            Content = JsonContent.Create(new { subject = "SQL", batch = "B-101", datetime = "2025-03-10", location = "Elsewhere", userType = "Mentor", students = new[] { new { studentId = "ST-001", status = 1 } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request, Ct)).StatusCode);
    }

    private static async Task<string> LoginAsync(HttpClient http, LmsServer lms)
    {
        var login = await http.PostAsJsonAsync($"{lms.BaseUrl}/login", new { email = "teacher@example.edu", password = "teach-pass" }, Ct);
        return (string)(await login.Content.ReadFromJsonAsync<JsonNode>(Ct))!["data"]!["access_token"]!;
    }

    private static async Task<string> SubmitAsync(HttpClient http, LmsServer lms, string subject)
    {
        var token = await LoginAsync(http, lms);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{lms.BaseUrl}/attendance")
        {
            Content = JsonContent.Create(new { subject, batch = "B-101", datetime = "2025-03-10", location = "Main Campus", userType = "Mentor", students = new[] { new { studentId = "ST-001", status = 1 } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(request, Ct)).StatusCode);
        return token;
    }
}
