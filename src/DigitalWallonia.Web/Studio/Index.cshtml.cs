using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.RuleSets;
using DigitalWallonia.Web.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Studio;

/// <summary>The studio's home: every published version by programme with its validity and history, and the drafts.</summary>
public sealed class IndexModel(PlatformDbContext db, RuleSetDrafts drafts) : PageModel
{
    public IReadOnlyList<IGrouping<string, PublishedRuleSet>> Published { get; private set; } = [];

    public IReadOnlyList<RuleSetDraft> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The source texts stay in the database: a list needs only the columns it shows.
        var published = await db.PublishedRuleSets.AsNoTracking().OrderBy(p => p.Programme).ThenBy(p => p.Name).ThenBy(p => p.Version).ToListAsync(cancellationToken);
        Published = [.. published.GroupBy(p => p.Programme)];
        Drafts = await db.RuleSetDrafts.AsNoTracking().OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostStartAsync(long published, CancellationToken cancellationToken)
    {
        var draft = await drafts.StartFromAsync(published, StaffActor.Of(User).SubjectId, cancellationToken);
        return RedirectToPage("Draft", new { id = draft.Id });
    }
}
