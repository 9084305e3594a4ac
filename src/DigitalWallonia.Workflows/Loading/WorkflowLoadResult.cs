using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// What <see cref="WorkflowDefinitionLoader"/> read. <see cref="Definition"/> is null only when the file is not JSON or not
/// an object; otherwise it is bound as far as possible even when <see cref="Diagnostics"/> has errors, so the validator can
/// report the rest in the same pass. Never publish a definition with errors.
/// </summary>
public sealed record WorkflowLoadResult(WorkflowDefinition? Definition, DefinitionSourceMap SourceMap, IReadOnlyList<WorkflowDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
