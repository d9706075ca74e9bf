namespace Rollcall.Configuration;

/// <summary>A valid value shown in the start-up error when a setting is bad (defaults serve when absent).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingExampleAttribute(string example) : Attribute
{
    public string Example { get; } = example;
}
