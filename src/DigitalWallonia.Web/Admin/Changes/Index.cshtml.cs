using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin.Changes;

/// <summary>The log of access changes, newest first: who granted or revoked which role or mandate, for whom, and when.</summary>
public sealed class AccessChangesModel(PlatformDbContext db, WorkflowDefinitions definitions) : PageModel
{
    /// <summary>How many changes the page shows.</summary>
    public const int Shown = 200;

    public AccessChoices Choices { get; private set; } = null!;

    public IReadOnlyList<AccessChange> Changes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await AccessChoices.LoadAsync(db, definitions, cancellationToken);
        Changes = await db.AccessChanges.AsNoTracking().OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id).Take(Shown).ToListAsync(cancellationToken);
        Names = await db.KnownPeople.AsNoTracking().ToDictionaryAsync(p => p.Subject, p => p.Name, cancellationToken);
    }

    public string NameOf(string subject) => Names.TryGetValue(subject, out var name) ? $"{name} ({subject})" : subject;
}
