using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Evaluation;

/// <summary>An input already projected for a compiled rule set (used by the "pre-parsed input" benchmark and by tests).</summary>
internal sealed record PreparedInput(CompiledWorkflow Workflow, Value[] Inputs);
