namespace DigitalWallonia.Workflows.Definitions;

/// <summary>What makes a transition happen. Exactly one kind per transition.</summary>
public abstract record TransitionTrigger
{
    private protected TransitionTrigger()
    {
    }

    /// <summary>A short text for graphs and audit: <c>submit</c>, <c>timer decision</c>, <c>event payment-confirmed</c>, <c>automatic</c>.</summary>
    public abstract string Describe();
}
