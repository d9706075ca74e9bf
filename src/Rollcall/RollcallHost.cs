using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Configuration;
using Rollcall.Faces;
using Rollcall.Lms;
using Rollcall.Observability;
using Rollcall.Storage;
using Rollcall.Storage.Cleanup;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Updates;

namespace Rollcall;

/// <summary>Wires the features of `rollcall run` into one web host (bots, queue, outbox, health and metrics).</summary>
internal static class RollcallHost
{
    public static WebApplication Build(IConfiguration configuration)
    {
        var hosting = configuration.Get<HostingOptions>() ?? new HostingOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrel(k => k.Listen(IPEndPoint.Parse(hosting.HttpListen)));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RollcallMetrics>();
        builder.Services.AddStorage(configuration);
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddFaces(configuration);
        builder.Services.AddLms(configuration);

        builder.Services.AddOutboxRelay();
        var classroom = configuration.Get<ClassroomOptions>() ?? new ClassroomOptions();
        builder.Services.AddSessionCleanup(new CleanupPolicy(
            TimeSpan.FromSeconds(classroom.CleanupIntervalSeconds), TimeSpan.FromDays(classroom.AuditRetentionDays))
        {
            MediaRetention = classroom.MediaRetentionSpan,
        });
        builder.Services.AddBots(configuration);
        var app = builder.Build();
        app.MapHealth();
        app.MapBotWebhooks();
        return app;
    }
}

/// <summary>Applies schema migrations before the other services start.</summary>
internal sealed class DatabaseMigration(RollcallDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
