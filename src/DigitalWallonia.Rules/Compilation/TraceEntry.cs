namespace DigitalWallonia.Rules.Compilation;

/// <summary>What one traced node saw during the last evaluation: operands of a comparison and the boolean outcome.</summary>
internal struct TraceEntry
{
    public bool Seen;

    /// <summary>How to read <see cref="Left"/> and <see cref="Right"/>; <see cref="Binding.TypeKind.Unknown"/> means a boxed object in Ref.</summary>
    public Binding.TypeKind Kind;
    public Value Left;
    public Value Right;
    public bool? Result;
}
