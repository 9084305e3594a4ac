using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class OutboxSettingsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Sent_messages_past_their_retention_are_purged_and_nothing_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider);
        await using var db = database.CreateContext();
        var old = OutboxScenario.Start.AddDays(-200);
        var queued = await OutboxScenario.QueueAsync(db, 4, _ => OutboxScenario.Message(at: old));
        await SetAsync(db, queued[0], OutboxStatus.Sent, OutboxScenario.Start.AddDays(-91));
        await SetAsync(db, queued[1], OutboxStatus.Sent, OutboxScenario.Start.AddDays(-89));
        await SetAsync(db, queued[2], OutboxStatus.DeadLetter, null);
        var job = new OutboxPurgeJob(db, new ManualClock(OutboxScenario.Start),
            Options.Create(new OutboxOptions { SentRetention = TimeSpan.FromDays(90) }), NullLogger<OutboxPurgeJob>.Instance);

        var purged = await job.PurgeAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Equal(queued.Skip(1).Select(m => m.Id), await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }

    [Fact]
    public void The_purge_is_one_recurring_job_of_the_platform_at_the_configured_interval()
    {
        using var provider = Services(new() { ["Outbox:PurgeInterval"] = "00:10:00" });

        var purge = Assert.Single(provider.GetServices<RecurringJob>(), j => j.Name == OutboxPurgeJob.Name);

        Assert.Equal((typeof(OutboxPurgeJob), TimeSpan.FromMinutes(10)), (purge.JobType, purge.Interval));
    }

    [Fact]
    public void A_claim_that_would_not_outlive_one_send_is_refused_at_start()
    {
        using var provider = Services(new() { ["Outbox:ClaimDuration"] = "00:00:20", ["Smtp:TimeoutSeconds"] = "30" });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OutboxOptions>>().Value);

        Assert.Contains("Outbox:ClaimDuration must be longer than Smtp:TimeoutSeconds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_without_a_host_is_refused_at_start()
    {
        using var provider = Services(new() { ["Mail:Transport"] = "Smtp" });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains("Mail:Transport is Smtp but Smtp:Host is empty", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void The_retired_StartTls_setting_is_refused_at_start_naming_Security(string value)
    {
        using var provider = Services(new() { ["Smtp:StartTls"] = value, ["Smtp:Host"] = "smtp.example" });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains("Smtp:StartTls (Smtp__StartTls) is no longer read", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp__Security=None where it was false", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_settings_without_StartTls_start()
    {
        using var provider = Services(new() { ["Smtp:Security"] = "None", ["Smtp:Host"] = "smtp.example" });

        Assert.Equal(MailKit.Security.SecureSocketOptions.None, provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Security);
    }

    // AddPlatform registers the notifications, AddOutboxDispatcher registers them again: the job must still be there once.
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddPlatform()
            .AddOutboxDispatcher()
            .BuildServiceProvider();

    private static Task SetAsync(PlatformDbContext db, OutboxMessage message, OutboxStatus status, DateTimeOffset? sentAt) =>
        db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.SentAt, sentAt));
}
