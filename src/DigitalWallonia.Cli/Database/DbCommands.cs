using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Database;

/// <summary><c>dw db migrate</c>: brings the database to the current schema.</summary>
internal static class DbCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw db migrate [--provider Sqlite|Postgres|SqlServer] [--connection CONNECTION-STRING]");
            console.Out.WriteLine("  Applies pending migrations; without options, to ./data/digitalwallonia.db or the database");
            console.Out.WriteLine("  named by Database__Provider and ConnectionStrings__Default.");
            return args.Verb is null ? 2 : 0;
        }

        if (args.Verb != "migrate")
        {
            throw new CliUsageException($"unknown subcommand '{args.Verb}'; try 'dw db --help'");
        }

        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        console.Out.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
