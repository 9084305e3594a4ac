using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>The platform's model on PostgreSQL, with the migrations in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options);
