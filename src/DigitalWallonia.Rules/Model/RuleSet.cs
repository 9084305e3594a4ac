using DigitalWallonia.Rules.Model;

namespace DigitalWallonia.Rules;

/// <summary>
/// One version of a rule set (a RulesEngine workflow plus our extensions), as loaded from JSON. Immutable: a published
/// version is never changed; a correction is a new version that <see cref="Supersedes"/> it. Thread-safe.
/// </summary>
public sealed record RuleSet
{
    /// <summary>The workflow name (<c>WorkflowName</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Version number; 1 when the file does not say.</summary>
    public int Version { get; init; } = 1;

    /// <summary>First day this version is in force (inclusive); null means "since always".</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day in force (inclusive); only used to retire a rule set. Otherwise a version holds until the next one's ValidFrom.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>The version this one corrects for the same period, if any.</summary>
    public int? Supersedes { get; init; }

    public LegalBasis? LegalBasis { get; init; }

    /// <summary>The file it was read from, when read from a file.</summary>
    public string? SourcePath { get; init; }

    internal IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    internal IReadOnlyList<ScopedParamDefinition> GlobalParams { get; init; } = [];

    internal IReadOnlyList<KeyValuePair<string, TypeSpec>>? Inputs { get; init; }

    internal IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    internal IReadOnlyList<OutputDefinition> Outputs { get; init; } = [];

    internal IReadOnlyList<TestCaseDefinition> Tests { get; init; } = [];

    internal IReadOnlyList<string> WorkflowsToInject { get; init; } = [];

    internal SourceNode? Node { get; init; }

    /// <summary>The workflows read from the same file: where <c>EvaluateRule</c> actions find their targets.</summary>
    internal RuleSetFile? LoadedWith { get; init; }

    /// <summary>Identity used in caches: a version is immutable, so name + version + file + load identity is enough.</summary>
    internal Guid LoadId { get; init; } = Guid.NewGuid();
}
