namespace DigitalWallonia.Platform.Audit;

/// <summary>One problem found in a dossier's audit trail.</summary>
public sealed record AuditFinding(string Reference, long Sequence, string Problem)
{
    public override string ToString() => $"{Reference} #{Sequence}: {Problem}";
}
