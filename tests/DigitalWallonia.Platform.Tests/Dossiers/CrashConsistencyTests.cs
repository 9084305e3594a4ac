using System.Diagnostics;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Dossiers;

public class CrashConsistencyTests
{
    [Theory, OnPostgres, OnSqlite]
    public async Task A_process_killed_during_a_stream_of_transitions_leaves_no_half_done_transition(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var company = Party.Organisation("Forges SRL", EnterpriseNumber.Parse("0123456749"));
            company.AddContact("Claire Dubois", "claire@forges.example", "fr");
            db.Parties.Add(company);
            await db.SaveChangesAsync();
        }

        var contentRoot = platform.Services.GetRequiredService<DigitalWallonia.Platform.Content.ContentFolder>().Root;
        using var child = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(ChildProcessEntry).Assembly.Location, "transitions", provider.ToString(), platform.Database.ConnectionString, contentRoot },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var firings = 0;
        while (firings < 40 && await child.StandardOutput.ReadLineAsync() is { } line)
        {
            firings++;
        }

        child.Kill(); // SIGKILL on Linux: no finally block, no rollback from the process, mid-stream
        await child.WaitForExitAsync();
        Assert.True(firings >= 40, $"The child stopped after {firings} firings: {await child.StandardError.ReadToEndAsync()}");

        await using var check = platform.Scope();
        var dbCheck = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossiers = await dbCheck.Dossiers.AsNoTracking().ToListAsync();
        Assert.True(dossiers.Count >= 13);
        foreach (var dossier in dossiers)
        {
            var history = await dbCheck.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).ToListAsync();
            var audit = await dbCheck.AuditEvents.CountAsync(e => e.DossierId == dossier.Id);
            Assert.Equal(dossier.State, history.Count == 0 ? "draft" : history[^1].ToState);
            Assert.Equal(history.Count + 1, audit); // one event per transition, plus the start
            Assert.Equal(audit, dossier.AuditHeadSequence);
            var reachedReview = history.Any(h => h.ToState == "review");
            var proposed = history.Any(h => h.ToState == "proposed"); // its setField evaluates the amount: a second snapshot
            Assert.Equal((reachedReview ? 1 : 0) + (proposed ? 1 : 0), await dbCheck.EvaluationSnapshots.CountAsync(e => e.DossierId == dossier.Id));
            Assert.Equal(reachedReview ? 2 : 0, await dbCheck.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id));
            Assert.Equal(reachedReview ? 1 : 0, await dbCheck.Deadlines.CountAsync(d => d.DossierId == dossier.Id));
        }

        Assert.Empty(await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(dbCheck, null, CancellationToken.None));
    }
}
