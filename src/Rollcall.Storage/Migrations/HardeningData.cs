namespace Rollcall.Storage.Migrations;

/// <summary>Data steps of the Hardening migration (hand-written; the generated migrations call them).</summary>
internal static class HardeningData
{
    /// <summary>L2: phones are keyed by their international digits, no longer by the last ten.</summary>
    public const string PhoneKeysWithCountryCode =
        """UPDATE teachers SET "PhoneKey" = CASE WHEN "Phone" LIKE '00%' THEN substr("Phone", 3) ELSE "Phone" END""";

    public const string PhoneKeysLastTenSqlite = """UPDATE teachers SET "PhoneKey" = substr("Phone", -10)""";

    public const string PhoneKeysLastTenPostgres = """UPDATE teachers SET "PhoneKey" = right("Phone", 10)""";
}
