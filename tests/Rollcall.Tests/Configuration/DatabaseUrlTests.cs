using Npgsql;
using Rollcall.Storage;

namespace Rollcall.Tests.Configuration;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void PostgresUrl_KeepsItsQueryString()
    {
        Assert.True(DatabaseUrl.TryParse(
            "postgres://rollcall:p%40ss@db.example.edu:6432/rollcall?sslmode=verify-full&sslrootcert=/etc/rollcall/ca.pem&application_name=rollcall&connect_timeout=7",
            out var url, out var problem), problem);

        var builder = new NpgsqlConnectionStringBuilder(url.ConnectionString);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("/etc/rollcall/ca.pem", builder.RootCertificate);
        Assert.Equal("rollcall", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal(("db.example.edu", 6432, "rollcall", "p@ss"), (builder.Host, builder.Port, builder.Database, builder.Password));
    }

    [Theory]
    [InlineData("sslmode=disable", SslMode.Disable)]
    [InlineData("sslmode=require", SslMode.Require)]
    [InlineData("sslmode=verify-ca", SslMode.VerifyCA)]
    [InlineData("SSL%20Mode=VerifyFull", SslMode.VerifyFull)]
    public void SslMode_IsReadInLibpqOrNpgsqlSpelling(string query, SslMode expected)
    {
        Assert.True(DatabaseUrl.TryParse($"postgresql://u:p@h/db?{query}", out var url, out _));

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(url.ConnectionString).SslMode);
    }

    [Fact]
    public void UnknownParameter_IsRefusedWithItsName()
    {
        Assert.False(DatabaseUrl.TryParse("postgres://u:p@h/db?sslmod=verify-full", out _, out var problem));

        Assert.Equal("has a parameter Npgsql does not take: 'sslmod=verify-full'", problem);
    }
}
