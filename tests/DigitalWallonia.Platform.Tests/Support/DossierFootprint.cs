using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>
/// Everything a firing may write for one dossier, counted or copied: equal before and after a refused firing means the
/// refusal changed nothing.
/// </summary>
public sealed record DossierFootprint(string State, long Version, string FactsJson, string FactSourcesJson, int History, int Snapshots,
    int AuditEvents, int Outbox, int Instalments, int Decisions, int Deadlines)
{
    public static async Task<DossierFootprint> OfAsync(TestPlatform platform, string reference)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Reference == reference);
        return new DossierFootprint(dossier.State, dossier.Version, dossier.FactsJson, dossier.FactSourcesJson,
            await db.DossierHistory.CountAsync(h => h.DossierId == dossier.Id),
            await db.EvaluationSnapshots.CountAsync(s => s.DossierId == dossier.Id),
            await db.AuditEvents.CountAsync(e => e.DossierId == dossier.Id),
            await db.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id),
            await db.Instalments.CountAsync(i => i.DossierId == dossier.Id),
            await db.Decisions.CountAsync(d => d.DossierId == dossier.Id),
            await db.Deadlines.CountAsync(d => d.DossierId == dossier.Id));
    }
}
