using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Workspace;

/// <summary>
/// The outbox as staff follow it: messages given up on (dead-lettered) and those still failing, newest first, each with
/// its dossier and last error; a dead-lettered message is put back in the queue with one button (as <c>dw outbox resend</c>).
/// </summary>
public sealed class OutboxModel(PlatformDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<(OutboxMessage Message, string? Reference)> Messages { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public long? Resent { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var failing = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.DeadLetter || (m.Status != OutboxStatus.Sent && m.LastError != null))
            .OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new { Message = m, Reference = db.Dossiers.Where(d => d.Id == m.DossierId).Select(d => d.Reference).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        Messages = [.. failing.Select(f => (f.Message, f.Reference))];
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        try
        {
            message.Requeue(clock.GetUtcNow());
        }
        catch (InvalidOperationException)
        {
            return Redirect("/Workspace/Outbox"); // already queued or sent meanwhile: the list shows how it stands
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Workspace/Outbox?resent={id}");
    }
}
