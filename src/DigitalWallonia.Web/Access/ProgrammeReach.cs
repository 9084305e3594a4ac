using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Access;

/// <summary>
/// Which programmes' dossiers staff roles see: a programme whose workflow gives the role a part (it acts in one of its
/// states or on one of its transitions, or is notified by it) in any published version, plus what
/// <see cref="AccessOptions.Programmes"/> adds. Read from the published workflows at most once a minute, so a version
/// published on another node is taken into account within a minute. Thread-safe.
/// </summary>
public sealed class ProgrammeReach(IServiceScopeFactory scopes, WorkflowDefinitions definitions, IOptions<AccessOptions> options, TimeProvider clock)
{
    private const string Everything = "*";
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;

    /// <summary>The programmes any of <paramref name="roles"/> reaches.</summary>
    public async Task<Reach> ForAsync(IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var named = await NamedAsync(cancellationToken);
        var programmes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            var configured = options.Value.Programmes.GetValueOrDefault(role) ?? [];
            if (configured.Contains(Everything, StringComparer.Ordinal))
            {
                return Reach.All;
            }

            programmes.UnionWith(configured);
            programmes.UnionWith(named.GetValueOrDefault(role) ?? []);
        }

        return new Reach(false, programmes);
    }

    private async Task<IReadOnlyDictionary<string, HashSet<string>>> NamedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.ReadAt < Freshness)
        {
            return fresh.ByRole;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var published = await db.PublishedWorkflows.AsNoTracking().Select(w => new { w.WorkflowId, w.Version }).ToListAsync(cancellationToken);
        var byRole = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var version in published)
        {
            var definition = await definitions.GetAsync(db, version.WorkflowId, version.Version, cancellationToken);
            foreach (var role in RolesNamedBy(definition))
            {
                (byRole.TryGetValue(role, out var set) ? set : byRole[role] = new HashSet<string>(StringComparer.Ordinal)).Add(definition.Programme);
            }
        }

        // Two requests may read at once after a minute: both get the same answer and the last one's snapshot stays.
        _snapshot = new Snapshot(now, byRole);
        return byRole;
    }

    private static IEnumerable<string> RolesNamedBy(WorkflowDefinition definition)
    {
        var actions = definition.States.SelectMany(s => s.OnEntry.Concat(s.OnExit)).Concat(definition.Transitions.SelectMany(t => t.Actions));
        return definition.States.SelectMany(s => s.Roles)
            .Concat(definition.Transitions.Select(t => t.Trigger).OfType<ActorActionTrigger>().SelectMany(a => a.Roles))
            .Concat(actions.OfType<NotifyAction>().SelectMany(n => n.Recipients));
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<string, HashSet<string>> ByRole);
}

/// <summary>The programmes whose dossiers someone sees by their roles: all of them, or the ones named.</summary>
public sealed record Reach(bool AllProgrammes, IReadOnlySet<string> Programmes)
{
    public static Reach All { get; } = new(true, new HashSet<string>(StringComparer.Ordinal));

    public bool IsNothing => !AllProgrammes && Programmes.Count == 0;
}
