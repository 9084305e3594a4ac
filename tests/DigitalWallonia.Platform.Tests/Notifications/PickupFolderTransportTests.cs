using DigitalWallonia.Platform.Notifications.Mail;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Tests.Notifications;

public sealed class PickupFolderTransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dw-pickup-").FullName;

    [Fact]
    public async Task A_message_is_written_as_an_eml_file_named_after_its_message_id()
    {
        var transport = new PickupFolderTransport(Options.Create(new MailOptions { PickupFolder = _folder }));
        var mail = new OutgoingMail("abc123@digitalwallonia.be", "jonas@emb.example", "Jonas Schmitz", "Entscheidung über Ihren Antrag – Bestätigung",
            "Größe: 1.234,56\u00A0€", "<p>Größe</p>");

        await transport.SendAsync(mail, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal("abc123@digitalwallonia.be.eml", Path.GetFileName(file));
        var message = MimeMessage.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("<abc123@digitalwallonia.be>", message.Header("Message-ID"));
        Assert.Equal("Entscheidung über Ihren Antrag – Bestätigung", message.Header("Subject"));
        Assert.Equal("Größe: 1.234,56\u00A0€", message.Part("text/plain").Text);
        Assert.Equal("<p>Größe</p>", message.Part("text/html").Text);
    }

    [Fact]
    public async Task Sending_the_same_message_again_replaces_its_file()
    {
        var transport = new PickupFolderTransport(Options.Create(new MailOptions { PickupFolder = _folder }));
        var mail = new OutgoingMail("same@digitalwallonia.be", "a@b.example", null, "s", "t", "h");

        await transport.SendAsync(mail, CancellationToken.None);
        await transport.SendAsync(mail, CancellationToken.None);

        Assert.Single(Directory.GetFiles(_folder));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_folder, ".staging")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
