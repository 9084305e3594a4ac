using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Portal.Apply;

/// <summary>The application is sent: its reference, what happens next and by when (the decision deadline the workflow set).</summary>
public sealed class ConfirmationModel(DossierAccess access, PlatformDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    public string Programme { get; private set; } = "";

    public DateOnly? DecisionBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Requester.Of(User) is not { } requester)
        {
            return Challenge();
        }

        if (await access.FindAsync(requester, Reference, cancellationToken) is not { } dossier)
        {
            return NotFound();
        }

        Programme = dossier.Programme;
        var due = await db.Deadlines.AsNoTracking().Where(d => d.DossierId == dossier.Id && d.Kind == "decision" && d.Status == DeadlineStatus.Pending)
            .Select(d => (DateTimeOffset?)d.DueAt).FirstOrDefaultAsync(cancellationToken);
        // A deadline falls due at 24:00 of its last day: the day people read is the one before that instant.
        DecisionBy = due is { } at ? DeadlinePlanner.LegalDate(at.AddTicks(-1)) : null;
        return Page();
    }
}
