using System.Globalization;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.RuleSets;
using DigitalWallonia.Rules;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Studio;

/// <summary>
/// One draft: its JSON in an editor checked as one types (the server's diagnostics at line and column), its tests, what
/// changes from the version it follows, and approval by a second officer then publication.
/// </summary>
public sealed class DraftModel(PlatformDbContext db, RuleSetDrafts drafts, WhatIfReplay replay) : PageModel
{
    public RuleSetDraft Draft { get; private set; } = null!;

    [BindProperty]
    public string Source { get; set; } = "";

    public RuleSetCheck Check { get; private set; } = new([], []);

    public PublishedRuleSet? Previous { get; private set; }

    public IReadOnlyList<RuleSetDiff.Change> Changes { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Refusal { get; private set; }

    public string Me => StaffActor.Of(User).SubjectId;

    [BindProperty]
    public string ReplayFrom { get; set; } = "";

    [BindProperty]
    public string ReplayTo { get; set; } = "";

    public ReplayResult? Replay { get; private set; }

    /// <summary>The latest stored evaluations with this rule set, each of which can become a test case in one click.</summary>
    public IReadOnlyList<StoredEvaluation> Evaluations { get; private set; } = [];

    public sealed record StoredEvaluation(long Id, string Reference, DateOnly AsOf, string Version, bool Passed);

    public async Task<IActionResult> OnPostAddTestAsync(long id, long snapshot, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await drafts.AddTestFromSnapshotAsync(id, snapshot, cancellationToken);
        await LoadAsync(id, cancellationToken);
        Source = Draft.Source;
        await CheckAsync(cancellationToken);
        Done = outcome.Succeeded ? StudioText.T("evaluations.added") : null;
        Refusal = outcome.Error;
        return Page();
    }

    public string? ReplayError { get; private set; }

    /// <summary>The saved draft replayed on the stored evaluations of the period (the replay region to htmx).</summary>
    public async Task<IActionResult> OnPostReplayAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Source = Draft.Source;
        await CheckAsync(cancellationToken);
        if (!DateOnly.TryParseExact(ReplayFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(ReplayTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
        {
            ReplayError = StudioText.T("replay.bad-period");
            return this.Refused("_Replay", this);
        }

        Replay = await replay.RunAsync(Draft.Source, from, to, null, cancellationToken);
        return this.PageOrPartial("_Replay", this);
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Source = Draft.Source;
        await CheckAsync(cancellationToken);
        return Page();
    }

    /// <summary>The check region for htmx (or the page without script), from the text as typed, nothing saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await CheckAsync(cancellationToken);
        return this.PageOrPartial("_Check", this);
    }

    /// <summary>The same diagnostics as JSON, for the editor's markers.</summary>
    public async Task<IActionResult> OnPostDiagnosticsAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var check = await drafts.CheckAsync(Source, Draft.Path, cancellationToken);
        return new JsonResult(check.Diagnostics.Select(d => new { d.Line, d.Column, d.Code, d.Message }));
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var wasApproved = Draft.ApprovedBy is not null;
        Draft = await drafts.SaveAsync(id, Source, cancellationToken);
        Done = StudioText.T(wasApproved && Draft.ApprovedBy is null ? "draft.saved-voided" : "draft.saved");
        await CheckAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        await DecideAsync(id, (d, me, ct) => drafts.ApproveAsync(d, me, ct), null, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken) =>
        await DecideAsync(id, (d, me, ct) => drafts.PublishAsync(d, me, ct), StudioText.T("approval.published"), cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, Func<long, string, CancellationToken, Task<RuleSetOutcome>> decide, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await decide(id, Me, cancellationToken);
        await LoadAsync(id, cancellationToken);
        Source = Draft.Source;
        await CheckAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Error;
            return this.Refused("_Approval", this);
        }

        Done = done ?? StudioText.T("approval.approved", Draft.ApprovedBy, Ui.When(Draft.ApprovedAt!.Value));
        return this.PageOrPartial("_Approval", this);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var draft = await db.RuleSetDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return false;
        }

        Draft = draft;
        return true;
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        Check = await drafts.CheckAsync(Source, Draft.Path, cancellationToken);
        var current = RuleSetLoader.LoadText(Source, Draft.Path).RuleSets.FirstOrDefault();
        if (current is null)
        {
            return;
        }

        Previous = await db.PublishedRuleSets.AsNoTracking()
            .Where(p => p.Name == current.Name && p.Version < current.Version && p.Id != Draft.PublishedId)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        Evaluations = await db.EvaluationSnapshots.AsNoTracking().Where(s => s.RuleSet == current.Name).OrderByDescending(s => s.Id).Take(10)
            .Join(db.Dossiers, s => s.DossierId, d => d.Id, (s, d) => new StoredEvaluation(s.Id, d.Reference, s.AsOfDate, s.RuleSetVersion, s.Passed))
            .ToListAsync(cancellationToken);
        if (Previous is not null && RuleSetLoader.LoadText(Previous.Source, Previous.Path).RuleSets.FirstOrDefault(s => s.Name == current.Name) is { } before)
        {
            Changes = RuleSetDiff.Between(before, current);
        }
    }
}
