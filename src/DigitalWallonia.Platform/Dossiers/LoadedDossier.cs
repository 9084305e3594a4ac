using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// A dossier as one firing reads it: the tracked dossier with its party links (parties, contacts and establishment units
/// in memory for the letters), its deadlines that were pending when it was read (tracked with their reminders, so that
/// the firing cancels them without reading them again), and its history. The firing adds the deadlines it creates to
/// <see cref="Deadlines"/>; a deadline is open while its status is pending.
/// </summary>
public sealed record LoadedDossier(Dossier Dossier, List<Deadline> Deadlines, IReadOnlyList<HistoryEntry> History)
{
    /// <summary>The dossier's deadlines still pending now, those created earlier in this firing included.</summary>
    public IEnumerable<Deadline> OpenDeadlines => Deadlines.Where(d => d.Status == DeadlineStatus.Pending);

    /// <summary>A dossier just opened: no deadline, no history yet.</summary>
    public static LoadedDossier New(Dossier dossier) => new(dossier, [], []);
}
