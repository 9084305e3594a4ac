using DigitalWallonia.Platform.Persistence;
using Npgsql;

namespace DigitalWallonia.Platform.Tests.Persistence;

/// <summary>
/// The connection settings the transition benchmark's figures rest on (docs/benchmarks.md) are the platform's defaults,
/// and an operator who writes one of them in the connection string gets what they wrote.
/// </summary>
public class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_no_reset_and_a_pool_sized_to_the_cores()
    {
        var prepared = new NpgsqlConnectionStringBuilder(
            PersistenceServiceCollectionExtensions.PreparePostgres("Host=db;Database=dw;Username=dw"));

        Assert.Equal(100, prepared.MaxAutoPrepare);
        Assert.True(prepared.NoResetOnClose);
        Assert.Equal((2 * Environment.ProcessorCount) + 1, prepared.MaxPoolSize);
        Assert.Equal("db", prepared.Host);
        Assert.Equal("dw", prepared.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Maximum Pool Size=40")]
    [InlineData("Host=db;max auto prepare=0;no reset on close=false;maximum pool size=40")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false;MaxPoolSize=40")]
    public void What_the_connection_string_sets_is_kept(string connectionString)
    {
        var prepared = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.PreparePostgres(connectionString));

        Assert.Equal(0, prepared.MaxAutoPrepare);
        Assert.False(prepared.NoResetOnClose);
        Assert.Equal(40, prepared.MaxPoolSize);
    }
}
