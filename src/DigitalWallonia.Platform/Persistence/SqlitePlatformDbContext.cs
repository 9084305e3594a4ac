using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>The platform's model on SQLite, with the migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options);
