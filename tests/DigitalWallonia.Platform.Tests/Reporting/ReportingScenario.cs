using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Reporting;

/// <summary>
/// The shipped plan (reporting/), workflow and templates on a test database, with a yearly schedule from 2026, a
/// reporter for the digital agency's own measures (AdN) and the agency's mailbox.
/// </summary>
internal sealed class ReportingScenario : IAsyncDisposable
{
    public const string AgencyMailbox = "adn-suivi@example.org";
    public const string ReporterEmail = "jane@adn.example";

    public static readonly Actor Agency = new("julie.fontaine", "Julie Fontaine", ["digital-agency"]);

    private ReportingScenario(TestPlatform platform, Actor carrier)
    {
        Platform = platform;
        Carrier = carrier;
    }

    public TestPlatform Platform { get; }

    /// <summary>Jane Reporter, who reports for the AdN (named by an administrator).</summary>
    public Actor Carrier { get; }

    public static async Task<ReportingScenario> StartAsync(DatabaseProvider provider, DateTimeOffset now, Action<Dictionary<string, string?>>? configure = null)
    {
        var platform = await TestPlatform.StartAsync(provider, now, settings =>
        {
            settings["Reporting:Schedules:0:Key"] = "yearly";
            settings["Reporting:Schedules:0:Periodicity"] = "Yearly";
            settings["Reporting:Schedules:0:FirstPeriod"] = "2026";
            settings["Mailboxes:Roles:digital-agency"] = AgencyMailbox;
            settings["Site:BaseUrl"] = "https://dw.example";
            configure?.Invoke(settings);
        }, shippedContent: true);
        await using var scope = platform.Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<PlanCatalogue>();
        await catalogue.AddReporterAsync("adn", "jane.reporter", "Jane Reporter", ReporterEmail, "en", "admin", CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var party = await db.Set<ReportingCarrier>().Where(c => c.Key == "adn").Select(c => c.PartyId).SingleAsync();
        return new ReportingScenario(platform, new Actor("jane.reporter", "Jane Reporter", ["measure-carrier"], party.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Platform.Scope();
        return await use(scope.ServiceProvider);
    }

    public Task<string> ReferenceAsync(string measure, string period = "2026") => WithAsync(services =>
        services.GetRequiredService<PlatformDbContext>().Set<ReportingTask>()
            .Join(services.GetRequiredService<PlatformDbContext>().Set<ReportingCycle>().Where(c => c.Period == period), t => t.CycleId, c => c.Id, (t, c) => t)
            .Where(t => t.MeasureId == measure).Select(t => t.Reference).SingleAsync());

    public Task<string> StateAsync(string reference) => WithAsync(services =>
        services.GetRequiredService<PlatformDbContext>().Dossiers.Where(d => d.Reference == reference).Select(d => d.State).SingleAsync());

    public Task<ReportingOutcome> SubmitAsync(string reference, params SubmittedValue[] values) =>
        WithAsync(services => services.GetRequiredService<ReportingTasks>().SubmitAsync(reference, values, Carrier, CancellationToken.None));

    public Task<ReportingOutcome> ValidateAsync(string reference, string assessment, string? note = null) =>
        WithAsync(services => services.GetRequiredService<ReportingTasks>().ValidateAsync(reference, assessment, note, Agency, CancellationToken.None));

    /// <summary>(template, recipient, language) of every message queued for the dossier, in order.</summary>
    public Task<List<(string Template, string To, string Language)>> MessagesAsync(string reference) => WithAsync(async services =>
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        return (await db.OutboxMessages.Where(m => m.DossierId == id).OrderBy(m => m.Id).Select(m => new { m.TemplateKey, m.RecipientAddress, m.Language }).ToListAsync())
            .Select(m => (m.TemplateKey, m.RecipientAddress, m.Language)).ToList();
    });

    public ValueTask DisposeAsync() => Platform.DisposeAsync();
}
