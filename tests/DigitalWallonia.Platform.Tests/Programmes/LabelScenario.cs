using System.Text.Json;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalWallonia.Platform.Tests.Support.Firing;

namespace DigitalWallonia.Platform.Tests.Programmes;

/// <summary>
/// The Digital Wallonia label on the repository's shipped workflow, rules and templates: a promoter, the committee,
/// applications made of the charter's commitments and evidence, and the deadline sweeper on the test clock.
/// </summary>
internal static class LabelScenario
{
    public const string CaseHandlerMailbox = "dgo6@example.org";
    public const string CommitteeMailbox = "comite-label@example.org";

    public static readonly Actor Committee = new("committee-1", "Chloé Renard", ["committee-member"]);

    /// <summary>The eight mandatory commitments, the same in the 2016 and 2019 charters (rules/label/label-charter.json).</summary>
    public static readonly string[] MandatoryCommitments =
        ["plan-priorities", "state-of-the-art", "accessibility", "security", "personal-data", "fair-competition", "brand-use", "yearly-follow-up"];

    public static async Task<TestPlatform> StartAsync(DatabaseProvider provider, DateTimeOffset now)
    {
        var platform = await TestPlatform.StartAsync(provider, now, s => s["Mailboxes:Roles:committee-member"] = CommitteeMailbox, shippedContent: true);
        await using var scope = platform.Scope();
        var published = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>()
            .PublishContentAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), CancellationToken.None);
        Assert.Contains(published, p => p.WorkflowId == "label" && p.Status != PublishStatus.Refused); // published at start-up already
        await Companies.CompanyExtracts.ImportAsync(platform, Companies.CompanyExtracts.Full140); // the promoters' register entries
        return platform;
    }

    /// <summary>A promoter organisation (one contact in <paramref name="language"/>) and its label dossier in draft.</summary>
    public static async Task<(string Reference, Party Promoter)> OpenAsync(TestPlatform platform, string enterprise = "0789.012.351",
        string name = "Namur Digital SA", string language = "en")
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var promoter = Party.Organisation(name, EnterpriseNumber.Parse(enterprise));
        promoter.AddContact("Sofia Martin", $"sofia@{enterprise[..4]}.example", language);
        db.Parties.Add(promoter);
        await db.SaveChangesAsync();
        var (dossier, _) = await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().OpenAsync("label", [(promoter, DossierRoles.Promoter)],
            JsonSerializer.SerializeToElement(new { }), PromoterOf(promoter), Today(platform), null, CancellationToken.None);
        Assert.Equal("draft", dossier.State);
        return (dossier.Reference, promoter);
    }

    public static Actor PromoterOf(Party promoter) =>
        new("sofia", "Sofia Martin", ["promoter"], promoter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>What the promoter gives when it applies: the initiative, the charter version signed, commitments and evidence.</summary>
    public static ActorActionFired Apply(string charterVersion = "2019", bool accessibilityStatement = true, string[]? commitments = null,
        string initiative = "Wallonie Code Club")
    {
        var input = Commitments(charterVersion, accessibilityStatement, commitments);
        input["initiative"] = JsonSerializer.SerializeToElement(new { name = initiative, website = "https://codeclub.example", category = "digital-skills" });
        return new ActorActionFired("apply") { Input = input };
    }

    public static ActorActionFired ApplyForRenewal(string charterVersion = "2019") =>
        new("apply-renewal") { Input = Commitments(charterVersion, accessibilityStatement: true, commitments: null) };

    public static ActorActionFired Action(string name, params (string Field, object Value)[] input) =>
        new(name) { Input = input.ToDictionary(i => i.Field, i => JsonSerializer.SerializeToElement(i.Value)) };

    /// <summary>Applies, and the committee labels <paramref name="daysLater"/> days later at the same hour.</summary>
    public static async Task<(string Reference, Party Promoter)> LabelledAsync(TestPlatform platform, int daysLater = 18, string language = "en")
    {
        var (reference, promoter) = await OpenAsync(platform, language: language);
        Assert.Equal("committee-review", (await FireAsync(platform, reference, Apply(), PromoterOf(promoter))).State);
        platform.Clock.Advance(TimeSpan.FromDays(daysLater));
        var labelled = await FireAsync(platform, reference, new ActorActionFired("label"), Committee);
        Assert.True(labelled.Accepted, labelled.Rejection?.Message);
        Assert.Equal("labelled", labelled.State);
        return (reference, promoter);
    }

    /// <summary>Moves the clock to <paramref name="instant"/> and runs the real deadline sweeper once.</summary>
    public static async Task<SweepResult> SweepAtAsync(TestPlatform platform, DateTimeOffset instant)
    {
        platform.Clock.Set(instant);
        return await platform.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);
    }

    public static DateOnly Today(TestPlatform platform) => DeadlinePlanner.LegalDate(platform.Clock.GetUtcNow());

    public static async Task<T> QueryAsync<T>(TestPlatform platform, Func<PlatformDbContext, Task<T>> query)
    {
        await using var scope = platform.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>The outbox rows of a template, as (recipient, language), sorted by recipient.</summary>
    public static Task<List<(string Recipient, string Language)>> MessagesAsync(TestPlatform platform, string template) =>
        QueryAsync(platform, async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == template).ToListAsync())
            .Select(m => (m.RecipientAddress, m.Language)).OrderBy(m => m.RecipientAddress, StringComparer.Ordinal).ToList());

    public static Task<string> FactAsync(TestPlatform platform, string reference, string name) =>
        QueryAsync(platform, async db => JsonDocument.Parse(await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.FactsJson).SingleAsync())
            .RootElement.GetProperty(name).GetString() ?? "");

    public static Task<List<string>> TransitionsAsync(TestPlatform platform, string reference) =>
        QueryAsync(platform, async db =>
        {
            var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
            return await db.DossierHistory.Where(h => h.DossierId == id).OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync();
        });

    private static Dictionary<string, JsonElement> Commitments(string charterVersion, bool accessibilityStatement, string[]? commitments)
    {
        var evidence = new List<object>
        {
            new { kind = "plan-positioning", reference = "positionnement-plan.pdf" },
            new { kind = "privacy-policy", reference = "https://codeclub.example/vie-privee" },
        };
        if (accessibilityStatement)
        {
            evidence.Add(new { kind = "accessibility-statement", reference = "https://codeclub.example/accessibilite" });
        }

        return new Dictionary<string, JsonElement>
        {
            ["charterVersion"] = JsonSerializer.SerializeToElement(charterVersion),
            ["commitments"] = JsonSerializer.SerializeToElement(commitments ?? MandatoryCommitments),
            ["evidence"] = JsonSerializer.SerializeToElement(evidence),
        };
    }
}
