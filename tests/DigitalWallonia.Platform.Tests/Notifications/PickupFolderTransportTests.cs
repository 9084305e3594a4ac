using DigitalWallonia.Platform.Notifications.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalWallonia.Platform.Tests.Notifications;

public sealed class PickupFolderTransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dw-pickup-").FullName;

    [Fact]
    public async Task A_message_is_written_as_an_eml_file_named_after_its_message_id()
    {
        var transport = new PickupFolderTransport(Options.Create(new MailOptions { PickupFolder = _folder }));
        var mail = new OutgoingMail("abc123@digitalwallonia.be", "jonas@emb.example", "Jonas Schmitz", "Entscheidung über Ihren Antrag – Bestätigung",
            "Größe: 1.234,56\u00A0€", "<p>Größe</p>", new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.FromHours(2)));

        await using (var session = transport.OpenSession())
        {
            await session.SendAsync(mail, CancellationToken.None);
        }

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal("abc123@digitalwallonia.be.eml", Path.GetFileName(file));
        var raw = await File.ReadAllTextAsync(file);
        var message = MimeMessage.Load(file);
        Assert.Equal("abc123@digitalwallonia.be", message.MessageId);
        Assert.Equal("Entscheidung über Ihren Antrag – Bestätigung", message.Subject);
        Assert.Equal(mail.Date, message.Date);
        Assert.Equal(("Jonas Schmitz", "jonas@emb.example"), (message.To.Mailboxes.Single().Name, message.To.Mailboxes.Single().Address));
        Assert.Equal("Größe: 1.234,56\u00A0€", message.TextBody);
        Assert.Equal("<p>Größe</p>", message.HtmlBody);
        // A plain RFC 5322 file: no pickup-directory envelope headers, CRLF line ends, all ASCII (RFC 2047 words, base64).
        Assert.False(message.Headers.Contains("X-Sender") || message.Headers.Contains("X-Receiver"), "System.Net.Mail's pickup headers are gone");
        Assert.DoesNotContain("\n", raw.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(raw.All(char.IsAscii), "the file is not all ASCII");
        Assert.Contains("=?utf-8?", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sending_the_same_message_again_replaces_its_file()
    {
        var transport = new PickupFolderTransport(Options.Create(new MailOptions { PickupFolder = _folder }));
        var mail = new OutgoingMail("same@digitalwallonia.be", "a@b.example", null, "s", "t", "h", DateTimeOffset.UnixEpoch);

        await transport.SendAsync(mail, CancellationToken.None);
        await transport.SendAsync(mail, CancellationToken.None);

        Assert.Single(Directory.GetFiles(_folder));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_folder, ".staging")));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("claire.dubois@")]
    [InlineData("@forges.example")]
    [InlineData("a@b.example, c@d.example")]
    public async Task A_recipient_address_that_is_not_one_mailbox_is_refused_for_good(string address)
    {
        var transport = new PickupFolderTransport(Options.Create(new MailOptions { PickupFolder = _folder }));
        var mail = new OutgoingMail("bad@digitalwallonia.be", address, null, "s", "t", "h", DateTimeOffset.UnixEpoch);

        var refused = await Assert.ThrowsAsync<MailRejectedException>(() => transport.SendAsync(mail, CancellationToken.None));

        Assert.True(refused.Permanent);
        Assert.Contains($"'{address}' is not a valid e-mail address", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
