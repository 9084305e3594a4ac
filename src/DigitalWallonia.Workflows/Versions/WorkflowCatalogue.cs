using System.Diagnostics.CodeAnalysis;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Workflows.Versions;

/// <summary>
/// Published definitions in memory, keyed by (id, version). A version once published never changes: publishing the same
/// key again is refused, and instances resolve to the version they are pinned to, whatever is newer. Thread-safe.
/// </summary>
public sealed class WorkflowCatalogue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _definitions = [];

    /// <summary>Adds a version; false with a reason when (id, version) is already published.</summary>
    public bool TryPublish(WorkflowDefinition definition, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (!_definitions.TryAdd((definition.Id, definition.Version), definition))
            {
                error = $"Workflow '{definition.Id}' v{definition.Version} is already published; publish a new version instead.";
                return false;
            }
        }

        error = null;
        return true;
    }

    public bool TryGet(string id, int version, [NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        lock (_gate)
        {
            return _definitions.TryGetValue((id, version), out definition);
        }
    }

    /// <summary>The highest version of <paramref name="id"/>, which new dossiers start on; null when none is published.</summary>
    public WorkflowDefinition? Latest(string id)
    {
        lock (_gate)
        {
            return _definitions.Values.Where(d => d.Id == id).MaxBy(d => d.Version);
        }
    }

    /// <summary>The published versions of <paramref name="id"/>, ascending.</summary>
    public IReadOnlyList<int> Versions(string id)
    {
        lock (_gate)
        {
            return [.. _definitions.Keys.Where(k => k.Id == id).Select(k => k.Version).Order()];
        }
    }

    /// <summary>The definition an instance is pinned to: never a newer one.</summary>
    public bool TryGetPinned(WorkflowInstance instance, [NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return TryGet(instance.DefinitionId, instance.DefinitionVersion, out definition);
    }
}
