using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalWallonia.Platform.Tests.Notifications;

public sealed class OutboxDispatcherServiceTests : IDisposable
{
    private readonly string _mail = Directory.CreateTempSubdirectory("dw-mail-").FullName;

    [Fact]
    public async Task The_background_dispatcher_of_a_host_writes_queued_messages_to_the_pickup_folder()
    {
        await using var database = await TestDatabase.MigratedAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Mail:PickupFolder"] = _mail,
            ["Templates:Folder"] = TemplateFolder.Repository,
            ["Outbox:PollInterval"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddPlatform()
            .AddOutboxDispatcher();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var message = OutboxScenario.Message("dossier-received", "en");
        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        }

        Assert.IsType<PickupFolderTransport>(provider.GetRequiredService<IMailTransport>());
        // The platform's own background service (the rule sets' refresher) runs beside it; this test is about the dispatcher.
        var host = Assert.Single(provider.GetServices<IHostedService>().OfType<OutboxDispatcherService>());
        await host.StartAsync(CancellationToken.None);
        var file = Path.Combine(_mail, PickupFolderTransport.FileName(message.MessageId));
        for (var i = 0; i < 400 && !File.Exists(file); i++)
        {
            await Task.Delay(50);
        }

        await host.StopAsync(CancellationToken.None);

        Assert.True(File.Exists(file), "the message was not written within 20 seconds");
        Assert.Equal("Your application RENTIC-2026-000123 has been received", MimeKit.MimeMessage.Load(file).Subject);
        await using var check = database.CreateContext();
        Assert.Equal(OutboxStatus.Sent, (await check.OutboxMessages.AsNoTracking().SingleAsync()).Status);
    }

    public void Dispose() => Directory.Delete(_mail, recursive: true);
}
