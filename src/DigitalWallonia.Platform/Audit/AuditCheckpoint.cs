namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// A seal over the audit heads of every dossier whose trail grew since the previous checkpoint, chained to that
/// checkpoint by its MAC. The heads live outside the dossier rows, so a trail cut short with its head reset, or a
/// dossier deleted with its events, no longer matches what a checkpoint sealed (see <see cref="AuditCheckpoints"/>).
/// </summary>
public sealed class AuditCheckpoint
{
    private AuditCheckpoint()
    {
        HeadsJson = Mac = "";
    }

    internal AuditCheckpoint(long sequence, DateTimeOffset takenAt, string headsJson, string? previousMac, string mac)
    {
        Sequence = sequence;
        TakenAt = takenAt;
        HeadsJson = headsJson;
        PreviousMac = previousMac;
        Mac = mac;
    }

    public long Id { get; private set; }

    /// <summary>1, 2, 3... without gaps; unique, so that two nodes checkpointing at once cannot fork the chain.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>
    /// Canonical JSON array of <c>[dossier id, reference, head sequence, head hash]</c>, ordered by dossier id: the heads
    /// that moved since the previous checkpoint.
    /// </summary>
    public string HeadsJson { get; private set; }

    /// <summary>The previous checkpoint's MAC; null for the first.</summary>
    public string? PreviousMac { get; private set; }

    /// <summary>HMAC-SHA256 (audit key) over the sequence, the instant, the heads and <see cref="PreviousMac"/>.</summary>
    public string Mac { get; private set; }
}
