using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>What a host does with the database when it starts.</summary>
public static class PlatformDatabase
{
    /// <summary>
    /// Applies pending migrations (EF Core serialises concurrent migrators, so several nodes may start at once), publishes
    /// the workflow definitions of the content folder that are not published yet, then loads the demo data when the
    /// embedded profile asks for it.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformDatabase));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        // rules/ seeds an empty database; from then on the published rows are what every node evaluates with.
        var ruleSets = scope.ServiceProvider.GetRequiredService<RuleSets.RuleSetCatalogue>();
        var seeded = await ruleSets.SeedAsync(db, cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Published {Count} rule-set file(s) from rules/.", seeded);
        }

        await ruleSets.RefreshAsync(db, cancellationToken);

        // The workflow files in git are the seed: a version not yet published is published now; one that is stays as it was.
        foreach (var outcome in await scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>().PublishContentAsync(db, cancellationToken))
        {
            switch (outcome.Status)
            {
                case PublishStatus.Published:
                    logger.LogInformation("Published workflow {Workflow} v{Version}.", outcome.WorkflowId, outcome.Version);
                    break;
                case PublishStatus.Refused:
                    logger.LogError("Workflow {Workflow} v{Version} was not published: {Problems}", outcome.WorkflowId, outcome.Version,
                        outcome.Error ?? string.Join(Environment.NewLine, outcome.Diagnostics.Select(d => d.ToString())));
                    break;
            }
        }

        // The plan of measures from reporting/ (once per database: administrators edit it afterwards).
        await scope.ServiceProvider.GetRequiredService<Reporting.PlanSeed>().LoadAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoData>().LoadIfEnabledAsync(cancellationToken);
    }
}
