using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>The published workflow versions, read from the database and parsed once each (<see cref="WorkflowDefinitions"/>).</summary>
internal sealed class PublishedWorkflowList(PlatformDbContext db, WorkflowDefinitions definitions)
{
    /// <summary>Every published version, by workflow id then version.</summary>
    public async Task<IReadOnlyList<(WorkflowDefinition Definition, DateTimeOffset PublishedAt)>> AllAsync(CancellationToken cancellationToken)
    {
        var published = await db.PublishedWorkflows.AsNoTracking().OrderBy(w => w.WorkflowId).ThenBy(w => w.Version)
            .Select(w => new { w.WorkflowId, w.Version, w.PublishedAt }).ToListAsync(cancellationToken);
        var all = new List<(WorkflowDefinition, DateTimeOffset)>(published.Count);
        foreach (var version in published)
        {
            all.Add((await definitions.GetAsync(db, version.WorkflowId, version.Version, cancellationToken), version.PublishedAt));
        }

        return all;
    }

    /// <summary>The latest version of each workflow.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> LatestAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).GroupBy(v => v.Definition.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(v => v.Definition.Version).Definition).ToList();
}
