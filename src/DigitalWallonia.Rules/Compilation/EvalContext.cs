namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Everything a compiled rule reads while it runs: the projected inputs, the scoped params computed so far, the
/// parameter values in force at the evaluation date, the evaluation date itself, and the trace when explaining.
/// One per evaluation; not shared between threads.
/// </summary>
internal sealed class EvalContext
{
    public Value[] Inputs = [];
    public Value[] Globals = [];
    public Value[] Locals = [];
    public Value[] Params = [];
    public DateTime Today;

    /// <summary>Null unless an explanation was asked for; then one entry per traced node of the running rule.</summary>
    public TraceEntry[]? Trace;

    /// <summary>Where the running rule's entries start in <see cref="Trace"/> (one array serves every rule of a run).</summary>
    public int TraceBase;
}
