namespace DigitalWallonia.Rules.Compilation;

/// <summary>What one traced node saw during the last evaluation: operands of a comparison and the boolean outcome.</summary>
internal struct TraceEntry
{
    public bool Seen;
    public object? Left;
    public object? Right;
    public bool? Result;
}
