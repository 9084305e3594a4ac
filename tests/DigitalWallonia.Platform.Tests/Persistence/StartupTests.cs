using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Persistence;

/// <summary>Several nodes starting on one database at the same time.</summary>
public class StartupTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Nodes_starting_together_publish_each_shipped_workflow_version_once_and_all_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        var nodes = Enumerable.Range(0, 4).Select(_ => Node(database)).ToList();
        try
        {
            using var start = new Barrier(nodes.Count);
            await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
            {
                start.SignalAndWait();
                await PlatformDatabase.PrepareAsync(node, CancellationToken.None);
            })));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }

        await using var db = database.CreateContext();
        var published = await db.PublishedWorkflows.Select(w => new { w.WorkflowId, w.Version }).ToListAsync();
        Assert.Equal(DigitalWallonia.Platform.Content.ContentFolder.Locate(TestContent.RepositoryRoot()).WorkflowFiles.Count(), published.Count);
        Assert.Equal(published.Count, published.Distinct().Count());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Publishing_a_version_another_node_just_published_with_the_same_source_is_unchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var node = Node(database);
        var definitions = node.GetRequiredService<WorkflowDefinitions>();
        var file = DigitalWallonia.Platform.Content.ContentFolder.Locate(TestContent.RepositoryRoot()).WorkflowFiles.First();
        var source = await File.ReadAllTextAsync(file);

        // Many publishers of one version at once: exactly one inserts, the others see its row.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            return await definitions.PublishAsync(db, source, file, "content", CancellationToken.None);
        })));

        Assert.Single(outcomes, o => o.Status == PublishStatus.Published);
        Assert.All(outcomes, o => Assert.NotEqual(PublishStatus.Refused, o.Status));
    }

    // A host's platform services on the shared database and the repository's content, without the demo data.
    private static ServiceProvider Node(TestDatabase database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Content:Root"] = TestContent.RepositoryRoot(),
            ["Audit:Key"] = Convert.ToBase64String(new byte[32]),
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddPlatform();
        return services.BuildServiceProvider();
    }
}
