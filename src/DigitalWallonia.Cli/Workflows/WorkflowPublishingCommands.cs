using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Workflows;

/// <summary><c>dw workflows publish FILE</c> and <c>dw workflows migrate --to V --map MAP.json [--dry-run]</c>: they need the database.</summary>
internal static class WorkflowPublishingCommands
{
    public static bool Handles(string? verb) => verb is "publish" or "migrate";

    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return args.Verb == "publish"
            ? await PublishAsync(args, console, scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>(), db, cancellationToken)
            : await MigrateAsync(args, console, scope.ServiceProvider.GetRequiredService<WorkflowMigration>(), cancellationToken);
    }

    private static async Task<int> PublishAsync(CliArgs args, CliConsole console, WorkflowDefinitions definitions, PlatformDbContext db, CancellationToken cancellationToken)
    {
        if (args.Operands.Count == 0)
        {
            throw new CliUsageException("publish needs at least one FILE");
        }

        var failed = false;
        foreach (var file in args.Operands)
        {
            if (!File.Exists(file))
            {
                console.Error.WriteLine($"{file}: no such file");
                failed = true;
                continue;
            }

            var outcome = await definitions.PublishAsync(db, await File.ReadAllTextAsync(file, cancellationToken), file,
                args.Option("by") ?? Environment.UserName, cancellationToken);
            foreach (var diagnostic in outcome.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            switch (outcome.Status)
            {
                case PublishStatus.Published:
                    console.Out.WriteLine($"{file}: published {outcome.WorkflowId} v{outcome.Version}");
                    break;
                case PublishStatus.Unchanged:
                    console.Out.WriteLine($"{file}: {outcome.WorkflowId} v{outcome.Version} is already published with this content");
                    break;
                default:
                    if (outcome.Error is not null)
                    {
                        console.Error.WriteLine(outcome.Error);
                    }

                    failed = true;
                    break;
            }
        }

        return failed ? 1 : 0;
    }

    private static async Task<int> MigrateAsync(CliArgs args, CliConsole console, WorkflowMigration migration, CancellationToken cancellationToken)
    {
        var mapFile = args.Option("map") ?? throw new CliUsageException("migrate needs --map MAP.json");
        if (!File.Exists(mapFile))
        {
            console.Error.WriteLine($"{mapFile}: no such file");
            return 1;
        }

        var (map, diagnostics) = StateMapLoader.Load(await File.ReadAllTextAsync(mapFile, cancellationToken), mapFile);
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (map is null || diagnostics.Count > 0)
        {
            return 1;
        }

        if (args.Option("to") is { } to && (!int.TryParse(to, out var version) || version != map.ToVersion))
        {
            console.Error.WriteLine($"--to {to} does not match the map's target version {map.ToVersion}.");
            return 1;
        }

        var references = args.Option("dossiers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var plan = await migration.PlanAsync(map, references, cancellationToken);
        foreach (var line in WorkflowMigration.Describe(plan))
        {
            console.Out.WriteLine(line);
        }

        if (!plan.CanApply)
        {
            console.Error.WriteLine("The migration has errors; nothing was changed.");
            return 1;
        }

        if (args.Has("dry-run"))
        {
            console.Out.WriteLine($"Dry run: {plan.Instances.Count} dossier(s) would be migrated; nothing was changed.");
            return 0;
        }

        var migrated = await migration.ApplyAsync(map, plan, cancellationToken);
        console.Out.WriteLine($"Migrated {migrated.Count} dossier(s) to {map.WorkflowId} v{map.ToVersion}.");
        return 0;
    }
}
