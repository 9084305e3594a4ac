namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// One row, incremented in the transaction of every publication: nodes poll it and reload their rule sets when it moves,
/// so each serves a publication within seconds without a restart.
/// </summary>
public sealed class RuleSetPublicationCounter
{
    public const int SingleId = 1;

    private RuleSetPublicationCounter()
    {
    }

    public int Id { get; private set; }

    public long Publications { get; private set; }
}
