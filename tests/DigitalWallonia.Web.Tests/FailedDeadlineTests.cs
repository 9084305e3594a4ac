using System.Net;
using System.Net.Http.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Scheduling.TestNode;
using DigitalWallonia.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Web.Tests;

/// <summary>A deadline the web host's own scheduler cannot fire is an alert: an error in the host's log and a degraded /health.</summary>
public class FailedDeadlineTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_deadline_failing_all_its_attempts_logs_an_error_in_the_host_log_and_degrades_health(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        var log = new CapturedLog();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            web.UseSetting("Seed:Demo", "false");
            web.UseSetting("Audit:Key", Convert.ToBase64String(new byte[32])); // a created key file is for SQLite only
            web.UseSetting("Scheduling:MaxAttempts", "1");
            web.ConfigureServices(services => services.AddLogging(log.AddTo));
        });
        var client = app.CreateClient(); // starts the host: database migrated, scheduler running
        Assert.Equal("healthy", (await client.GetFromJsonAsync<HealthReport>("/health"))!.Status);
        long id;
        await using (var db = database.CreateContext())
        {
            // A dossier pinned to no workflow version: its timer cannot be fired, at any attempt.
            var dossier = Dossier.Open("TEST-2026-000001", "test", "review", DateTimeOffset.UnixEpoch);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
            var deadline = new Deadline(dossier.Id, "answer", "review", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UnixEpoch);
            db.Deadlines.Add(deadline);
            await db.SaveChangesAsync();
            id = deadline.Id;
        }

        // The host's scheduler sweeps on its own; a sweep here only saves waiting for its next turn.
        await app.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);
        var health = await HealthOnceDegradedAsync(client);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("degraded: 1 deadline(s) or their reminders failed all their attempts (dw deadlines list --failed)",
            (await health.Content.ReadFromJsonAsync<HealthReport>())!.Status);
        var error = Assert.Single(log.Lines, l => l.Level >= LogLevel.Error && l.Category == typeof(DeadlineSweeper).FullName);
        Assert.StartsWith($"Deadline {id} failed all its 1 attempts and is marked Failed", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Exception);
    }

    private static async Task<HttpResponseMessage> HealthOnceDegradedAsync(HttpClient client)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/health");
            var report = await response.Content.ReadFromJsonAsync<HealthReport>();
            if (report!.Status.StartsWith("degraded", StringComparison.Ordinal) || DateTime.UtcNow > until)
            {
                return await client.GetAsync("/health");
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_reminder_that_failed_all_its_attempts_degrades_health_while_its_deadline_waits()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            web.UseSetting("Seed:Demo", "false");
            web.UseSetting("Audit:Key", Convert.ToBase64String(new byte[32]));
        });
        var client = app.CreateClient();
        await using (var db = database.CreateContext())
        {
            var dossier = Dossier.Open("TEST-2026-000002", "test", "review", DateTimeOffset.UnixEpoch);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
            var deadline = new Deadline(dossier.Id, "answer", "review", DateTimeOffset.UtcNow.AddDays(30), DateTimeOffset.UnixEpoch);
            deadline.AddReminder(DateTimeOffset.UtcNow.AddDays(-1), "answer-reminder", ["applicant"]).Status = DeadlineStatus.Failed;
            db.Deadlines.Add(deadline);
            await db.SaveChangesAsync();
        }

        var report = (await client.GetFromJsonAsync<HealthReport>("/health"))!;

        Assert.Equal("degraded: 1 deadline(s) or their reminders failed all their attempts (dw deadlines list --failed)", report.Status);
    }
}
