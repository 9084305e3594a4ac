namespace DigitalWallonia.Platform.Audit;

/// <summary>The secret that makes the audit trail tamper-evident. Bound from the <c>Audit</c> section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Base64 HMAC key of at least 32 bytes, from the environment (<c>Audit__Key</c>) or a secret store; every node must
    /// share it. When empty the key is read from <see cref="KeyFile"/>. Not on a command line: the process list shows it.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// A file holding the base64 key, owner-only (mode 0600; a file others can read is refused). Relative paths are taken
    /// from the working directory. Defaults to ./data/audit.key, next to the embedded database.
    /// </summary>
    public string KeyFile { get; set; } = "./data/audit.key";

    /// <summary>
    /// Whether a missing <see cref="KeyFile"/> may be created with a random key, on SQLite only: the web host's embedded
    /// profile sets it (appsettings.json) for its first start. Defaults to false, so that <c>dw</c> run from another folder
    /// says where it looked instead of inventing a key that reports every trail broken.
    /// </summary>
    public bool CreateKeyFile { get; set; }

    /// <summary>
    /// How often the scheduler seals the audit heads that moved in a checkpoint. Tampering with events newer than the
    /// last checkpoint is caught by the hash chain but a cut-off tail is not: this is that window. Defaults to 15 minutes.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(15);
}
