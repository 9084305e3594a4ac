namespace DigitalWallonia.Platform.Scheduling;

/// <summary>One node's claim on a batch of due rows: the node id and the claim's expiry, both written on each claimed row.</summary>
internal sealed record SweepClaim(string Node, DateTimeOffset Until);
