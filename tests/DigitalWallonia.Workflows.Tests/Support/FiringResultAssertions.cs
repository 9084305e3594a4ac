using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Workflows.Tests.Support;

internal static class FiringResultAssertions
{
    /// <summary>The outcome of an accepted firing; fails the test with the rejection's message otherwise.</summary>
    public static WorkflowOutcome Accepted(this FiringResult result)
    {
        Assert.True(result.IsAccepted, result.Rejection?.Message);
        return result.Outcome;
    }
}
