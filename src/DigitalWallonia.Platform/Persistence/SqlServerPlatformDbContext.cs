using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>The platform's model on SQL Server, with the migrations in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerPlatformDbContext(DbContextOptions<SqlServerPlatformDbContext> options) : PlatformDbContext(options)
{
    /// <summary>
    /// The collation of every text column. A SQL Server database usually defaults to a case- and accent-insensitive
    /// collation, under which 'rentic' equals 'RENTIC' and a unique index refuses values that SQLite and PostgreSQL keep
    /// apart. A binary collation compares code points, as SQLite's BINARY and PostgreSQL's deterministic collations do, so
    /// the platform's equality, uniqueness and lookups behave alike on the three providers whatever the server's default.
    /// </summary>
    public const string OrdinalCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var stored = property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType;
            if (stored == typeof(string))
            {
                property.SetCollation(OrdinalCollation);
            }
        }
    }
}
