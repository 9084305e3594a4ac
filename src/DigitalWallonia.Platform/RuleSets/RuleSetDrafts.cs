using System.Globalization;
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Rules;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// Drafting and publishing rule-set files: a draft is checked as a whole (JSON, expressions, legal bases, validity,
/// the versions already published, its own tests), approved by a second policy officer, then published in one
/// transaction that moves the publication counter. The same rules hold in the studio and in <c>dw rules</c>.
/// </summary>
public sealed partial class RuleSetDrafts(PlatformDbContext db, RuleSetCatalogue catalogue, TimeProvider clock)
{
    private static readonly RuleEngine Engine = new();

    /// <summary>Starts a draft from a published file: its text with the first Version raised by one, under a new path.</summary>
    public async Task<RuleSetDraft> StartFromAsync(long publishedId, string author, CancellationToken cancellationToken)
    {
        var published = await db.Set<PublishedRuleSet>().AsNoTracking().SingleAsync(p => p.Id == publishedId, cancellationToken);
        var next = await NextVersionAsync(published.Name, cancellationToken);
        var source = VersionProperty().Replace(published.Source, m => m.Groups[1].Value + next.ToString(CultureInfo.InvariantCulture), 1);
        var stem = VersionSuffix().Replace(Path.GetFileNameWithoutExtension(published.Path), "");
        var folder = Path.GetDirectoryName(published.Path)?.Replace('\\', '/');
        var path = $"{(string.IsNullOrEmpty(folder) ? "" : folder + "/")}{stem}.v{next}.json";
        return await CreateAsync(path, source, author, cancellationToken);
    }

    /// <summary>A new draft with the given text (<c>dw rules import</c>, a new rule set).</summary>
    public async Task<RuleSetDraft> CreateAsync(string path, string source, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var draft = new RuleSetDraft(path.Replace('\\', '/'), RuleSetCatalogue.ProgrammeOf(path.Replace('\\', '/')), source, author, clock.GetUtcNow());
        db.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public Task<RuleSetDraft?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<RuleSetDraft>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>Saves new text; an approval given to the earlier text is void.</summary>
    public async Task<RuleSetDraft> SaveAsync(long id, string source, CancellationToken cancellationToken)
    {
        var draft = await EditableAsync(id, cancellationToken);
        draft.Edit(source, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Everything that keeps <paramref name="source"/> from publication, with positions, and its tests' outcomes.</summary>
    public async Task<RuleSetCheck> CheckAsync(string source, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var loaded = RuleSetLoader.LoadText(source, path);
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        if (!loaded.IsStructurallyValid)
        {
            return new RuleSetCheck(diagnostics, []);
        }

        var tests = new List<RuleSetTests.Outcome>();
        var published = await db.Set<PublishedRuleSet>().AsNoTracking().Where(p => p.Path != path)
            .Select(p => new { p.Path, p.Source }).ToListAsync(cancellationToken);
        var registry = new RuleSetRegistry(Engine);
        registry.AddAll(published.SelectMany(p => RuleSetLoader.LoadText(p.Source, p.Path).RuleSets));
        foreach (var set in loaded.RuleSets)
        {
            diagnostics.AddRange(Engine.Check(set));
            diagnostics.AddRange(PublicationRules.Check(set));
            diagnostics.AddRange(registry.Add(set));
            diagnostics.AddRange(await DecidedDossiersAsync(set, cancellationToken));
            tests.AddRange(RuleSetTests.Run(Engine, set));
        }

        var distinct = diagnostics.DistinctBy(d => (d.Line, d.Column, d.Code, d.Message)).OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new RuleSetCheck(distinct, tests);
    }

    /// <summary>A second policy officer approves: never the author, and only a draft that checks clean with passing tests.</summary>
    public async Task<RuleSetOutcome> ApproveAsync(long id, string approver, CancellationToken cancellationToken)
    {
        var draft = await EditableAsync(id, cancellationToken);
        if (string.Equals(draft.AuthorId, approver, StringComparison.Ordinal))
        {
            return RuleSetOutcome.Refused("L'auteur d'un brouillon ne peut pas l'approuver : un second agent doit le faire. / The author of a draft cannot approve it: a second officer must.");
        }

        var check = await CheckAsync(draft.Source, draft.Path, cancellationToken);
        if (!check.Passed)
        {
            return RuleSetOutcome.Refused(check.Summary, check);
        }

        draft.Approve(approver, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RuleSetOutcome.Done(check);
    }

    /// <summary>Publishes an approved draft: checked again, stored as an immutable row, counted so every node reloads.</summary>
    public async Task<RuleSetOutcome> PublishAsync(long id, string publisher, CancellationToken cancellationToken)
    {
        var draft = await EditableAsync(id, cancellationToken);
        if (draft.ApprovedBy is null)
        {
            return RuleSetOutcome.Refused("Ce brouillon n'est pas approuvé par un second agent. / This draft is not approved by a second officer.");
        }

        var check = await CheckAsync(draft.Source, draft.Path, cancellationToken);
        if (!check.Passed)
        {
            return RuleSetOutcome.Refused(check.Summary, check);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var published = RuleSetCatalogue.Published(draft.Path, draft.Source, draft.AuthorId, draft.ApprovedBy, publisher, clock.GetUtcNow());
        db.Add(published);
        await db.SaveChangesAsync(cancellationToken);
        draft.Published(published.Id);
        await db.SaveChangesAsync(cancellationToken);
        await RuleSetCatalogue.CountPublicationAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await catalogue.RefreshAsync(db, cancellationToken);
        return RuleSetOutcome.Done(check, published.Id);
    }

    /// <summary>
    /// Adds a test case to the draft made from a stored evaluation: its facts and input as the inputs, its as-of date, and
    /// what it gave (each rule's outcome, the outputs) as the expectation. The draft must already have a Tests array.
    /// </summary>
    public async Task<RuleSetOutcome> AddTestFromSnapshotAsync(long id, long snapshotId, CancellationToken cancellationToken)
    {
        var draft = await EditableAsync(id, cancellationToken);
        var snapshot = await db.EvaluationSnapshots.AsNoTracking().SingleAsync(s => s.Id == snapshotId, cancellationToken);
        var reference = await db.Dossiers.Where(d => d.Id == snapshot.DossierId).Select(d => d.Reference).SingleAsync(cancellationToken);
        var tests = TestsArray().Match(draft.Source);
        if (!tests.Success)
        {
            return RuleSetOutcome.Refused("Le brouillon n'a pas de tableau \"Tests\" : ajoutez \"Tests\": [] d'abord. / The draft has no \"Tests\" array: add \"Tests\": [] first.");
        }

        var inputs = System.Text.Json.Nodes.JsonNode.Parse(snapshot.FactsJson) as System.Text.Json.Nodes.JsonObject ?? [];
        inputs["input"] = System.Text.Json.Nodes.JsonNode.Parse(snapshot.InputJson);
        var test = new System.Text.Json.Nodes.JsonObject
        {
            ["Name"] = $"{reference} as evaluated on {snapshot.AsOfDate:yyyy-MM-dd} (v{snapshot.RuleSetVersion})",
            ["AsOf"] = snapshot.AsOfDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Inputs"] = inputs,
            ["Expect"] = System.Text.Json.Nodes.JsonNode.Parse(snapshot.RuleResultsJson),
            ["ExpectOutputs"] = System.Text.Json.Nodes.JsonNode.Parse(snapshot.OutputsJson),
        };
        var empty = tests.Groups[2].Value.Length > 0;
        var inserted = draft.Source.Insert(tests.Groups[1].Index + tests.Groups[1].Length, "\n      " + test.ToJsonString() + (empty ? "\n    " : ","));
        draft.Edit(inserted, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RuleSetOutcome.Done(await CheckAsync(draft.Source, draft.Path, cancellationToken));
    }

    private async Task<RuleSetDraft> EditableAsync(long id, CancellationToken cancellationToken)
    {
        var draft = await FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"No rule-set draft {id}.");
        return draft.PublishedId is null ? draft : throw new InvalidOperationException($"Rule-set draft {id} is published; start a new draft.");
    }

    // A new version may not start on or before a day a decided dossier was evaluated with this rule set: its decision
    // froze the version in force then, and a re-evaluation must find the same one.
    private async Task<IEnumerable<Diagnostic>> DecidedDossiersAsync(RuleSet set, CancellationToken cancellationToken)
    {
        if (set.ValidFrom is not { } from || set.Supersedes is not null)
        {
            return [];
        }

        var latest = await db.EvaluationSnapshots.AsNoTracking()
            .Where(s => s.RuleSet == set.Name && s.AsOfDate >= from)
            .Join(db.Dossiers.Where(d => d.DecidedOn != null), s => s.DossierId, d => d.Id, (s, d) => s.AsOfDate)
            .OrderByDescending(d => d).FirstOrDefaultAsync(cancellationToken);
        if (latest == default)
        {
            return [];
        }

        var (line, column) = PublicationRules.PositionOf(set, "ValidFrom");
        return
        [
            new Diagnostic(DecidedDossierCode,
                $"ValidFrom {from:yyyy-MM-dd} précède la date d'évaluation d'un dossier déjà décidé ({latest:yyyy-MM-dd}) : choisissez une date postérieure. / ValidFrom is on or before the as-of date of a decided dossier ({latest:yyyy-MM-dd}): choose a later day.",
                line, column) { File = set.SourcePath, Path = "ValidFrom" },
        ];
    }

    /// <summary>The code of the refusal above (the rule engine's own codes are DW1xxx).</summary>
    public const string DecidedDossierCode = "DW2001";

    private async Task<int> NextVersionAsync(string name, CancellationToken cancellationToken)
    {
        var published = await db.Set<PublishedRuleSet>().AsNoTracking().Where(p => p.Name == name).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        return published + 1;
    }

    [GeneratedRegex("(\"Version\"\\s*:\\s*)\\d+")]
    private static partial Regex VersionProperty();

    // The first "Tests": [ and whether the array is empty (only white space before its "]").
    [GeneratedRegex("(\"Tests\"\\s*:\\s*\\[)(\\s*\\])?")]
    private static partial Regex TestsArray();

    [GeneratedRegex("\\.v\\d+$")]
    private static partial Regex VersionSuffix();
}

/// <summary>What checking a draft found: positioned problems and each embedded test's outcome.</summary>
public sealed record RuleSetCheck(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<RuleSetTests.Outcome> Tests)
{
    public bool Passed => Diagnostics.Count == 0 && Tests.All(t => t.Failures.Count == 0);

    public string Summary => Diagnostics.Count > 0
        ? $"{Diagnostics.Count} problème(s) dans le brouillon. / {Diagnostics.Count} problem(s) in the draft."
        : $"{Tests.Count(t => t.Failures.Count > 0)} test(s) en échec. / {Tests.Count(t => t.Failures.Count > 0)} failing test(s).";
}

/// <summary>An approval or publication: done, or refused with the reason.</summary>
public sealed record RuleSetOutcome(bool Succeeded, string? Error, RuleSetCheck? Check, long? PublishedId)
{
    public static RuleSetOutcome Refused(string error, RuleSetCheck? check = null) => new(false, error, check, null);

    public static RuleSetOutcome Done(RuleSetCheck check, long? publishedId = null) => new(true, null, check, publishedId);
}
