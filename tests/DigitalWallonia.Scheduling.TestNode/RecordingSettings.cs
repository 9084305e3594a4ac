namespace DigitalWallonia.Scheduling.TestNode;

/// <summary>How the recording target behaves: a delay inside each firing's transaction, and deadlines whose firing throws.</summary>
public sealed class RecordingSettings
{
    public TimeSpan FireDelay { get; init; }

    public IReadOnlySet<long> FailingDeadlines { get; init; } = new HashSet<long>();
}
