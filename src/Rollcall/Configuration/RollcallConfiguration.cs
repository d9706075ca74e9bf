using Microsoft.Extensions.Configuration;

namespace Rollcall.Configuration;

/// <summary>Settings from `.env` in the working directory, overridden by real environment variables.</summary>
internal static class RollcallConfiguration
{
    public static IConfigurationRoot Build(string? dotEnvPath = null, IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(DotEnvFile.Read(dotEnvPath ?? Path.Combine(Environment.CurrentDirectory, ".env")))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
}
