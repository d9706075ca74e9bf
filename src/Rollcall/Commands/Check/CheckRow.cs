namespace Rollcall.Commands.Check;

/// <summary>How one part of the deployment stands.</summary>
internal enum CheckStatus
{
    Ok,

    /// <summary>Works, but something needs a look before the first class.</summary>
    Warning,

    /// <summary>Broken: `rollcall check` exits non-zero.</summary>
    Failed,
}

/// <summary>One line of the table: the part, its state, what was found and, unless it is fine, what to do.</summary>
internal sealed record CheckRow(string Part, CheckStatus Status, string Detail, string Fix = "")
{
    public static CheckRow Ok(string part, string detail) => new(part, CheckStatus.Ok, detail);

    public static CheckRow Warning(string part, string detail, string fix) => new(part, CheckStatus.Warning, detail, fix);

    public static CheckRow Failed(string part, string detail, string fix) => new(part, CheckStatus.Failed, detail, fix);
}
