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

    /// <summary>The allowance of the expression being run; refilled by <see cref="Refill"/> before each one.</summary>
    public EvaluationLimits Limits = EvaluationLimits.Default;

    public long IterationsLeft;

    public long TextLeft;

    /// <summary>Gives the next expression its whole allowance: one rule spending it all does not starve the others.</summary>
    public EvalContext Refill()
    {
        IterationsLeft = Limits.MaxIterations;
        TextLeft = Limits.MaxTextCharacters;
        return this;
    }
}
