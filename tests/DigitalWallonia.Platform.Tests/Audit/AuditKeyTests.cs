using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Tests.Audit;

public sealed class AuditKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dw-key-").FullName;

    [Fact]
    public void A_missing_key_is_an_error_that_says_where_it_was_looked_for_and_creates_nothing()
    {
        var path = Path.Combine(_folder, "data", "audit.key");

        var error = Assert.Throws<AuditKeyException>(() => AuditKey.Resolve(new AuditOptions { KeyFile = path }, DatabaseProvider.Sqlite));

        Assert.Contains($"there is no key file at {path}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Audit__KeyFile", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_embedded_host_creates_its_key_file_owner_only_and_reads_the_same_key_back()
    {
        var options = new AuditOptions { KeyFile = Path.Combine(_folder, "data", "audit.key"), CreateKeyFile = true };

        var created = AuditKey.Resolve(options, DatabaseProvider.Sqlite);
        var read = AuditKey.Resolve(options, DatabaseProvider.Sqlite);

        Assert.Equal(created.Bytes, read.Bytes);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.KeyFile));
        }
    }

    [UnixFact]
    public void A_key_file_other_users_can_read_is_refused()
    {
        var path = Path.Combine(_folder, "audit.key");
        File.WriteAllText(path, Convert.ToBase64String(new byte[32]));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var error = Assert.Throws<AuditKeyException>(() => AuditKey.Resolve(new AuditOptions { KeyFile = path }, DatabaseProvider.Sqlite));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_postgres_the_key_may_come_from_a_file_and_is_never_created()
    {
        var path = Path.Combine(_folder, "audit.key");
        var missing = Assert.Throws<AuditKeyException>(() =>
            AuditKey.Resolve(new AuditOptions { KeyFile = path, CreateKeyFile = true }, DatabaseProvider.Postgres));
        File.WriteAllText(path, Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var key = AuditKey.Resolve(new AuditOptions { KeyFile = path }, DatabaseProvider.Postgres);

        Assert.Contains("every node needs the same key", missing.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat((byte)3, 32), key.Bytes);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>A fact about Unix file modes: skipped, with its reason, on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not exist on Windows.";
        }
    }
}
