using System.CommandLine;
using System.Globalization;

namespace Rollcall.Commands;

/// <summary>A date option read as the institute's local date, with a one-line message when it is not yyyy-MM-dd.</summary>
internal static class DateOption
{
    public static Option<DateOnly?> Create(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} must be a date (yyyy-MM-dd), e.g. 2026-07-01 (got '{text}')");
            return null;
        },
    };
}
