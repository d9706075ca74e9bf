using Microsoft.Extensions.Configuration;
using Rollcall.Faces;
using Rollcall.Faces.Photos;
using Rollcall.Lms;
using Rollcall.Storage;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Enrolment;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Term;
using Rollcall.Telegram.Updates;

namespace Rollcall.Configuration;

/// <summary>Loads and checks every setting once, before a command builds its host.</summary>
internal static class StartupSettings
{
    /// <summary>Every options type whose variables are checked at start-up.</summary>
    public static readonly Type[] OptionsTypes =
    [
        typeof(HostingOptions),
        typeof(StorageOptions),
        typeof(BotOptions),
        typeof(ClassroomOptions),
        typeof(FaceOptions),
        typeof(PhotoStoreOptions),
        typeof(StudentBotOptions),
        typeof(TermOptions),
        typeof(EnrolmentOptions),
    ];

    /// <summary>The configuration, or null after printing the one-line problem to stderr.</summary>
    public static IConfigurationRoot? Load(TextWriter error, IDictionary<string, string?>? overrides = null)
    {
        var configuration = RollcallConfiguration.Build(overrides: overrides);
        var problem = SettingsCheck.FirstProblem(configuration, OptionsTypes);
        var hosting = configuration.Get<HostingOptions>() ?? new HostingOptions();
        if (problem is null && hosting.EffectiveLmsMode == "http")
        {
            problem = SettingsCheck.FirstProblem(configuration, typeof(LmsOptions));
        }

        if (problem is null)
        {
            var storage = configuration.Get<StorageOptions>() ?? new StorageOptions();
            problem = DatabaseUrl.TryParse(storage.DatabaseUrl, out var url, out _) ? SecretKeyFile.Problem(storage, url) : null;
        }

        if (problem is not null)
        {
            error.WriteLine($"rollcall: {problem}");
            return null;
        }

        if (hosting.MongoUri is not null || hosting.MongoDatabase is not null)
        {
            error.WriteLine("rollcall: warning: MONGODB_URI/MONGODB_DATABASE are ignored; Rollcall stores its data at DATABASE_URL.");
        }

        return configuration;
    }
}
