// Usage: dotnet run --project tools/MigrationScaffolder -- NAME
// Writes src/DigitalWallonia.Platform/Persistence/Migrations/<timestamp>_NAME.cs, its Designer file and the model snapshot, scaffolded
// against SQLite, then strips provider column types so that the one migration set serves SQLite and PostgreSQL, and
// adds the PostgreSQL identity annotation beside SQLite's autoincrement. Review the result; the migration tests on both
// providers fail if model and migrations drift apart.
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: MigrationScaffolder NAME");
    return 2;
}

var root = FindRepositoryRoot();
var outputFolder = Path.Combine(root, "src/DigitalWallonia.Platform/Persistence/Migrations");
var options = new DbContextOptionsBuilder<PlatformDbContext>();
PersistenceServiceCollectionExtensions.Configure(options, new DatabaseOptions(), "Data Source=:memory:");
using var db = new PlatformDbContext(options.Options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[0], "DigitalWallonia.Platform.Persistence", "Migrations", "C#");

string Neutral(string code)
{
    code = Regex.Replace(code, @"type: ""[^""]*"",\s*", "");
    code = Regex.Replace(code, @"\s*\.HasColumnType\(""[^""]*""\)", "");
    code = code.Replace(
        @".Annotation(""Sqlite:Autoincrement"", true)",
        @".Annotation(""Sqlite:Autoincrement"", true).Annotation(""Npgsql:ValueGenerationStrategy"", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)");
    // The snapshot is compared with the PostgreSQL model too, which carries identity columns as an annotation.
    code = Regex.Replace(code, @"(b\.Property<(long|int)>\(""Id""\)\s*\.ValueGeneratedOnAdd\(\))",
        "$1\n                        .HasAnnotation(\"Npgsql:ValueGenerationStrategy\", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)");
    return code;
}

Directory.CreateDirectory(outputFolder);
File.WriteAllText(Path.Combine(outputFolder, migration.MigrationId + migration.FileExtension), Neutral(migration.MigrationCode));
File.WriteAllText(Path.Combine(outputFolder, migration.MigrationId + ".Designer" + migration.FileExtension), Neutral(migration.MetadataCode));
File.WriteAllText(Path.Combine(outputFolder, migration.SnapshotName + migration.FileExtension), Neutral(migration.SnapshotCode));
Console.WriteLine($"wrote {migration.MigrationId} to {outputFolder}");
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "DigitalWallonia.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
