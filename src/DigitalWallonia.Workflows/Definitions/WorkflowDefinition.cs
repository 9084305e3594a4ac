using System.Diagnostics.CodeAnalysis;

namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// One published version of a workflow: a state machine for one programme. Immutable; a change makes a new
/// <see cref="Version"/>, and a dossier stays on the version it started with. Thread-safe to share.
/// </summary>
public sealed record WorkflowDefinition
{
    private readonly IReadOnlyList<StateDefinition> _states = [];
    private Dictionary<string, StateDefinition> _stateIndex = new(StringComparer.Ordinal);

    public required string Id { get; init; }

    /// <summary>Version number, 1 or more; (<see cref="Id"/>, <see cref="Version"/>) identifies a published definition.</summary>
    public required int Version { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>What the procedure is, for people choosing or reviewing it; optional.</summary>
    public LocalizedText Description { get; init; } = LocalizedText.Empty;

    /// <summary>The programme key (<c>rentic</c>, <c>cyber</c>, <c>voucher</c>, <c>label</c>).</summary>
    public required string Programme { get; init; }

    public required IReadOnlyList<StateDefinition> States
    {
        get => _states;
        init
        {
            _states = value;
            _stateIndex = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
            foreach (var state in value)
            {
                _stateIndex.TryAdd(state.Id, state);
            }
        }
    }

    public required IReadOnlyList<TransitionDefinition> Transitions { get; init; }

    /// <summary>The first state of kind <see cref="StateKind.Initial"/>, or null when there is none (an invalid definition).</summary>
    public StateDefinition? InitialState => States.FirstOrDefault(s => s.Kind == StateKind.Initial);

    public bool TryGetState(string id, [NotNullWhen(true)] out StateDefinition? state) => _stateIndex.TryGetValue(id, out state);

    /// <summary>The transitions leaving <paramref name="stateId"/>, in file order (which decides between guarded alternatives).</summary>
    public IEnumerable<TransitionDefinition> TransitionsFrom(string stateId) =>
        Transitions.Where(t => string.Equals(t.From, stateId, StringComparison.Ordinal));
}
