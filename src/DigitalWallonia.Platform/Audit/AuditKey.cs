using System.Security.Cryptography;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Audit;

/// <summary>The HMAC key of the audit trail, resolved once at start-up from <see cref="AuditOptions"/>.</summary>
public sealed class AuditKey
{
    private const int MinimumBytes = 32;

    // Owner read/write only: the key is what makes the trail tamper-evident, anyone who reads it can forge events.
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

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
    /// The configured key (<see cref="AuditOptions.Key"/>), else the key file (<see cref="AuditOptions.KeyFile"/>), which
    /// must be readable by its owner only. A missing file is created (owner-only) when <see cref="AuditOptions.CreateKeyFile"/>
    /// is set and the database is SQLite; otherwise a missing key is an error that says where it was looked for, because
    /// a key invented on the spot would report every existing chain broken (and, on PostgreSQL, nodes would not agree).
    /// </summary>
    public static AuditKey Resolve(AuditOptions options, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return Parse(options.Key, "Audit:Key");
        }

        var path = Path.GetFullPath(options.KeyFile);
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0)
            {
                throw new AuditKeyException(
                    $"The audit key file {path} can be read or written by other users than its owner; make it owner-only (chmod 600 '{path}').");
            }

            return Parse(File.ReadAllText(path), $"the audit key file {path}");
        }

        var where = $"Audit:Key is not set and there is no key file at {path} (Audit:KeyFile '{options.KeyFile}', "
            + $"relative to the working directory {Environment.CurrentDirectory})";
        if (provider != DatabaseProvider.Sqlite)
        {
            throw new AuditKeyException(
                $"No audit key: {where}. On PostgreSQL and SQL Server every node needs the same key: set Audit__Key to a base64 key of 32 bytes "
                + "(e.g. 'openssl rand -base64 32') or Audit__KeyFile to a file holding it.");
        }

        if (!options.CreateKeyFile)
        {
            throw new AuditKeyException(
                $"No audit key: {where}. A new key would report every existing trail broken, so none is created here: run from "
                + "the web host's folder, or set Audit__KeyFile to the key's path (or Audit__Key to the key).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a full path always has a directory
        var bytes = RandomNumberGenerator.GetBytes(MinimumBytes);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, file))
        {
            writer.Write(Convert.ToBase64String(bytes));
        }

        return new AuditKey(bytes);
    }

    private static AuditKey Parse(string base64, string source)
    {
        try
        {
            return new AuditKey(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            throw new AuditKeyException($"{source} is not valid base64; generate a key with 'openssl rand -base64 32'.");
        }
    }
}

/// <summary>The audit key is missing, unreadable or unsafe; the message says where it was looked for and what to do.</summary>
public sealed class AuditKeyException(string message) : InvalidOperationException(message);
