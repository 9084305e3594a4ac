using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Cli.Tests.Notifications;

public class OutboxCommandsTests
{
    [Fact]
    public async Task Outbox_list_shows_dead_letters_with_their_last_error()
    {
        await using var database = await WithDeadLetterAsync();

        var (code, stdout, _) = await DwTests.RunAsync("outbox", "list", "--status", "deadletter", "--connection", database.ConnectionString);

        Assert.Equal(0, code);
        Assert.Contains("DeadLetter", stdout, StringComparison.Ordinal);
        Assert.Contains("last error: rejected: 550 5.1.1 mailbox unavailable", stdout, StringComparison.Ordinal);
        Assert.Contains("1 message(s) with status DeadLetter.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_resend_puts_a_dead_letter_back_in_the_queue_with_the_same_message_id()
    {
        await using var database = await WithDeadLetterAsync();
        await using var db = database.CreateContext();
        var before = await db.OutboxMessages.AsNoTracking().SingleAsync();

        var (code, stdout, _) = await DwTests.RunAsync("outbox", "resend", before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--connection", database.ConnectionString);

        var after = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(0, code);
        Assert.Contains($"<{before.MessageId}>", stdout, StringComparison.Ordinal);
        Assert.Equal((OutboxStatus.Pending, 0, before.MessageId), (after.Status, after.Attempts, after.MessageId));
    }

    [Fact]
    public async Task Outbox_resend_of_an_unknown_id_exits_1()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);

        var (code, _, stderr) = await DwTests.RunAsync("outbox", "resend", "999", "--connection", database.ConnectionString);

        Assert.Equal(1, code);
        Assert.Contains("no message has the ID 999", stderr, StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> WithDeadLetterAsync()
    {
        var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var message = new OutboxMessage(OutboxMessage.NewMessageId(), null, "dossier-received", "fr", "claire@forges.example", "Claire Dubois", "{}",
            new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero))
        {
            Status = OutboxStatus.DeadLetter,
            Attempts = 8,
            LastError = "rejected: 550 5.1.1 mailbox unavailable",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return database;
    }
}
