using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>Audit trails written under the all-zero test key, and the tampering that verification must catch.</summary>
public static class AuditTampering
{
    public static readonly AuditKey Key = new(new byte[32]);

    private static readonly AuditTrail Trail = new(Key, TimeProvider.System);

    public static async Task WriteTrailAsync(TestDatabase database, string reference, int events)
    {
        await using (var db = database.CreateContext())
        {
            db.Dossiers.Add(Dossier.Open(reference, "rentic", "draft", DateTimeOffset.UnixEpoch));
            await db.SaveChangesAsync();
        }

        await AppendAsync(database, reference, events);
    }

    public static async Task AppendAsync(TestDatabase database, string reference, int events)
    {
        await using var db = database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
        for (var i = 1; i <= events; i++)
        {
            Trail.Append(db, dossier, "note", "subject-42", null, new JsonObject { ["step"] = i });
            await db.SaveChangesAsync();
        }
    }

    // What someone with write access to the database can do without the key: drop the newest events and set the head
    // back to the last one kept, which leaves a chain that verifies on its own.
    public static async Task RewindAsync(PlatformDbContext db, string reference, long toSequence)
    {
        var id = await db.Dossiers.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        await db.AuditEvents.Where(e => e.DossierId == id && e.Sequence > toSequence).ExecuteDeleteAsync();
        var hash = await db.AuditEvents.Where(e => e.DossierId == id && e.Sequence == toSequence).Select(e => e.Hash).SingleAsync();
        await db.Dossiers.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.AuditHeadSequence, toSequence).SetProperty(d => d.AuditHeadHash, hash));
    }
}
