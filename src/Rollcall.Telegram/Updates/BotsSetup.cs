using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Sessions;
using Rollcall.Storage;
using Rollcall.Storage.Conversations;
using Rollcall.Storage.Replies;
using Rollcall.Telegram.Appeals;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Enrolment;
using Rollcall.Telegram.Privacy;
using Rollcall.Telegram.Receipts;
using Rollcall.Telegram.Reports;
using Rollcall.Telegram.Review;
using Rollcall.Telegram.Roll;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.TeacherBot;
using Rollcall.Telegram.Term;
using Telegram.Bot;

namespace Rollcall.Telegram.Updates;

/// <summary>Registers both bots: clients over named HttpClients, pollers or webhooks, the turn context, and each bot's feature (router, handler, workers).</summary>
public static class BotsSetup
{
    /// <summary>
    /// Expects from the host: <see cref="TimeProvider"/>, AddStorage (RollcallDatabase, TeacherStore), ILmsGateway,
    /// IFaceVerifier (and whatever IPhotoStore it needs).
    /// </summary>
    public static IServiceCollection AddBots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration);
        services.AddOptions<ClassroomOptions>().Bind(configuration);

        // The host registers the leases with the face engine's timeout; this default (15 s) serves hosts without one.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BotOptions>>().Value.Leases(TimeSpan.FromSeconds(15)));
        var polling = (configuration.Get<BotOptions>() ?? new BotOptions()).EffectiveMode == "polling";
        services.AddBotClient(BotRole.Teacher, o => o.TeacherBotToken, polling);
        services.AddBotClient(BotRole.Student, o => o.StudentBotToken, polling);
        services.AddSingleton(sp => new LocalClock(sp.GetRequiredService<IOptions<ClassroomOptions>>().Value.Zone));
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<BotMessenger>();
        services.AddSingleton<ReplyOutboxStore>();
        services.AddHostedService<ReplyRelay>();
        services.AddTurnContext();
        services.AddHostedService<IdleConversationSweeper>();
        services.AddTeacherBot();
        services.AddStudentBot(configuration);
        services.AddReview();
        services.AddReceipts();
        services.AddPrivacy();
        services.AddReports();
        services.AddRoll();
        services.AddTerm(configuration);
        services.AddEnrolment(configuration);
        services.AddAppeals(configuration);
        return services;
    }

    /// <summary>The router of the bot in <paramref name="role"/>, over the scoped <see cref="IBotHandler{TState}"/> its feature registers.</summary>
    public static IServiceCollection AddUpdateRouter<TState>(this IServiceCollection services, BotRole role)
        where TState : class
    {
        services.AddKeyedSingleton<IUpdateRouter>(role, (sp, _) => new UpdateRouter<TState>(
            role,
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<RollcallDatabase>(),
            sp.GetRequiredService<ConversationStore>(),
            sp.GetRequiredKeyedService<ReplySender>(role),
            sp.GetRequiredService<BotMessenger>(),
            sp.GetRequiredService<IOptions<ClassroomOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<UpdateRouter<TState>>>()));
        return services;
    }

    /// <summary>Registers the bot's command menu with Telegram at start-up, from the table that also drives dispatch and /help.</summary>
    public static IServiceCollection AddCommandMenu(this IServiceCollection services, BotRole role, CommandTable table)
    {
        services.AddSingleton<IHostedService>(sp => new CommandMenu(
            role,
            sp.GetRequiredKeyedService<ITelegramBotClient>(role),
            table,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CommandMenu>>()));
        return services;
    }

    private static void AddBotClient(this IServiceCollection services, BotRole role, Func<BotOptions, string?> token, bool polling)
    {
        var name = "telegram-" + role.ToString().ToLowerInvariant();

        // Bot API URLs carry the token: no request logging on these clients.
        services.AddHttpClient(name, (sp, client) =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            client.Timeout = options.BotCallTimeout;
        }).AddHttpMessageHandler(sp => new DownloadDeadline(
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<BotOptions>>().Value.HttpTimeoutSeconds), sp.GetRequiredService<TimeProvider>()))
        .RemoveAllLoggers();

        services.AddKeyedSingleton<ITelegramBotClient>(role, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            var baseUrl = options.ApiBaseUrl?.ToString().TrimEnd('/');
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            // RetryThreshold 0: the client would otherwise sleep out a 429's retry_after inside the call, past the reply row's
            // lease and holding a lane; ReplySender, ReplyRelay and the poller wait per chat themselves.
            return new TelegramBotClient(new TelegramBotClientOptions(token(options) ?? "", baseUrl) { RetryThreshold = 0 }, http);
        });
        services.AddSingleton<Observability.IReadinessProbe>(sp =>
            new TelegramProbe(role, sp.GetRequiredKeyedService<ITelegramBotClient>(role), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(role, (sp, _) =>
            new ChatFloodGate(sp.GetRequiredService<IOptions<BotOptions>>().Value.FloodLimits, sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(role, (sp, _) =>
            new ReplySender(sp.GetRequiredKeyedService<ITelegramBotClient>(role), sp.GetRequiredService<ILogger<ReplySender>>(),
                sp.GetRequiredService<TimeProvider>()));

        if (!polling)
        {
            services.AddSingleton<IHostedService>(sp => new WebhookRegistration(
                role,
                sp.GetRequiredKeyedService<ITelegramBotClient>(role),
                sp.GetRequiredService<IOptions<BotOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<WebhookRegistration>>()));
            return;
        }

        // AddHostedService<BotPoller> twice would keep one: TryAddEnumerable dedupes by implementation type.
        services.AddSingleton<IHostedService>(sp => new BotPoller(
            role,
            sp.GetRequiredKeyedService<ITelegramBotClient>(role),
            sp.GetRequiredKeyedService<IUpdateRouter>(role),
            sp.GetRequiredKeyedService<ReplySender>(role),
            sp.GetRequiredKeyedService<ChatFloodGate>(role),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.PollingStated,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotPoller>>()));
    }
}
