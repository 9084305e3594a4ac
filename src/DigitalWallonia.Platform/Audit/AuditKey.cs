using System.Security.Cryptography;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Audit;

/// <summary>The HMAC key of the audit trail, resolved once at start-up from <see cref="AuditOptions"/>.</summary>
public sealed class AuditKey
{
    private const int MinimumBytes = 32;

    public AuditKey(byte[] bytes)
    {
        if (bytes.Length < MinimumBytes)
        {
            throw new ArgumentException($"The audit key has {bytes.Length} bytes; it needs at least {MinimumBytes}.", nameof(bytes));
        }

        Bytes = bytes;
    }

    internal byte[] Bytes { get; }

    /// <summary>
    /// Reads the configured key; on SQLite without one, reads or creates the key file. PostgreSQL requires a configured
    /// key because nodes that each invented their own would write chains the others cannot verify.
    /// </summary>
    public static AuditKey Resolve(AuditOptions options, DatabaseProvider provider)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            try
            {
                return new AuditKey(Convert.FromBase64String(options.Key));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Audit:Key is not valid base64; generate one with 'openssl rand -base64 32'.");
            }
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                "Audit:Key is required on PostgreSQL and SQL Server (set Audit__Key to a base64 key of 32 bytes, the same on every node; "
                + "e.g. 'openssl rand -base64 32').");
        }

        var path = Path.GetFullPath(options.KeyFile);
        if (File.Exists(path))
        {
            return new AuditKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a full path always has a directory
        var bytes = RandomNumberGenerator.GetBytes(MinimumBytes);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        return new AuditKey(bytes);
    }
}
