using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Rollcall.Configuration;

/// <summary>
/// Checks settings before any host starts, so a bad value stops start-up with one line that names the variable
/// and shows a good value: `OTP_EXPIRY_SECONDS must be 10-3600, e.g. 120`.
/// </summary>
internal static class SettingsCheck
{
    /// <summary>The first problem found across the options types, or null when all settings are valid.</summary>
    public static string? FirstProblem(IConfiguration configuration, params Type[] optionsTypes)
    {
        foreach (var type in optionsTypes)
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name;
                if (name is null)
                {
                    continue;
                }

                var problem = Check(configuration[name], name, property, defaults);
                if (problem is not null)
                {
                    return problem;
                }
            }

            var bound = configuration.Get(type) ?? defaults;
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(bound, new ValidationContext(bound), results, validateAllProperties: true))
            {
                return results[0].ErrorMessage;
            }
        }

        return null;
    }

    private static string? Check(string? raw, string name, PropertyInfo property, object defaults)
    {
        var example = Example(property, defaults);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return property.GetCustomAttribute<RequiredAttribute>() is { } required
                ? required.ErrorMessage ?? $"{name} is required, e.g. {example}"
                : null;
        }

        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object? value;
        try
        {
            value = target == typeof(string) ? raw : TypeDescriptor.GetConverter(target).ConvertFromInvariantString(raw);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return $"{name} must be {Describe(target)}, e.g. {example} (got '{Shorten(raw)}')";
        }

        var range = property.GetCustomAttribute<RangeAttribute>();
        if (range is not null && value is not null && !range.IsValid(value))
        {
            return range.ErrorMessage ?? $"{name} must be {range.Minimum}-{range.Maximum}, e.g. {example}";
        }

        return null;
    }

    private static string Example(PropertyInfo property, object defaults) =>
        property.GetCustomAttribute<SettingExampleAttribute>()?.Example
        ?? Convert.ToString(property.GetValue(defaults), CultureInfo.InvariantCulture) switch
        {
            null or "" => "(see .env.example)",
            var text => text,
        };

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a duration (hh:mm:ss)",
        _ when type == typeof(DateOnly) => "a date (yyyy-MM-dd)",
        _ when type == typeof(Uri) => "an absolute URL",
        _ when type.IsEnum => string.Join(" or ", Enum.GetNames(type)).ToLowerInvariant(),
        _ => $"a valid {type.Name}",
    };

    // Never echo a long value back: it may be a secret pasted into the wrong variable.
    private static string Shorten(string raw) => raw.Length <= 12 ? raw : raw[..8] + "...";
}
