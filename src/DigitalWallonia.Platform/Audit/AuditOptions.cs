namespace DigitalWallonia.Platform.Audit;

/// <summary>The secret that makes the audit trail tamper-evident. Bound from the <c>Audit</c> section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Base64 HMAC key of at least 32 bytes (<c>Audit__Key</c>). Required on PostgreSQL, where every node must share it.
    /// On the embedded SQLite profile, when empty, a random key is kept in <see cref="KeyFile"/>.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Where the embedded profile keeps its generated key. Defaults to ./data/audit.key.</summary>
    public string KeyFile { get; set; } = "./data/audit.key";
}
