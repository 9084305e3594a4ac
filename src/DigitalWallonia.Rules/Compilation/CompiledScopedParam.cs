using DigitalWallonia.Rules.Binding;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>A compiled named expression (LocalParam, GlobalParam, output, action) writing into a slot.</summary>
internal sealed record CompiledScopedParam(string Name, RType Type, int Slot, CompiledBatch<Value>.Slot? Compute, string? Error, bool IsMoney = false);
