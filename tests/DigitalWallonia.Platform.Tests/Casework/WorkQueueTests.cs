using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Casework;

/// <summary>
/// The workspace's queue query on each database: every filter, combined, sorted and paged in SQL; the views "assigned to
/// me", "awaiting my approval", "deadline within N working days" and "overdue". Monday 2 March 2026, 10:00 in Brussels.
/// </summary>
public class WorkQueueTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);
    private static readonly Actor Supervisor = new("supervisor-1", "Sam Supervisor", ["supervisor"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task Filters_combine_sort_and_page_in_the_database(DatabaseProvider provider)
    {
        await using var platform = await SeededAsync(provider);

        Assert.Equal(["R-1", "R-2"], await ReferencesAsync(platform, new QueueFilter { Name = "FORGES", Sort = QueueSort.Reference }));
        Assert.Equal(["R-1", "R-2"], await ReferencesAsync(platform, new QueueFilter { EnterpriseNumber = "BE 0123.456.749", Sort = QueueSort.Reference }));
        Assert.Equal(["R-1", "R-2"], await ReferencesAsync(platform, new QueueFilter { Search = "0123456749", Sort = QueueSort.Reference }));
        Assert.Equal(["R-3"], await ReferencesAsync(platform, new QueueFilter { Search = "r-3" }));
        Assert.Equal(["R-4", "R-1"], await ReferencesAsync(platform, new QueueFilter
        {
            Programme = "rentic", AmountMin = 10_000m, AmountMax = 25_000m, SubmittedFrom = new DateOnly(2026, 2, 1),
            SubmittedTo = new DateOnly(2026, 2, 28), Sort = QueueSort.Amount,
        }));
        Assert.Equal(["R-3", "R-1", "R-4", "R-2", "C-5"], await ReferencesAsync(platform, new QueueFilter { Sort = QueueSort.Amount, Descending = true }));
        Assert.Equal(["R-1"], await ReferencesAsync(platform, new QueueFilter { Programme = "rentic", State = "under-review", Assignee = QueueFilter.Nobody }));
        Assert.Empty(await ReferencesAsync(platform, new QueueFilter { EnterpriseNumber = "not a number" }));

        await using var scope = platform.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<WorkQueue>().ListAsync(
            new QueueFilter { Sort = QueueSort.Reference, Page = 2, PageSize = 2 }, Handler, CancellationToken.None);
        Assert.Equal((5, 3), (page.Total, page.Pages));
        Assert.Equal(["R-2", "R-3"], page.Rows.Select(r => r.Reference));
        var first = page.Rows[0];
        Assert.Equal(("Forges de Wallonie SRL", "0123.456.749", 9_800m), (first.ApplicantName, first.EnterpriseNumber, first.RequestedAmount));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_views_show_what_is_mine_what_awaits_my_approval_what_is_due_soon_and_what_is_late(DatabaseProvider provider)
    {
        await using var platform = await SeededAsync(provider);

        Assert.Equal(["R-4"], await ReferencesAsync(platform, new QueueFilter { View = QueueView.AssignedToMe }));
        Assert.Equal(["R-3"], await ReferencesAsync(platform, new QueueFilter { View = QueueView.AwaitingMyApproval }, Supervisor));
        // The proposer holding the supervisor's role too is not asked to approve his own proposal.
        Assert.Empty(await ReferencesAsync(platform, new QueueFilter { View = QueueView.AwaitingMyApproval }, Handler with { Roles = ["case-handler", "supervisor"] }));
        // R-1 is due on Wednesday 4 March: two working days from Monday; R-2 was due on Friday.
        Assert.Equal(["R-1"], await ReferencesAsync(platform, new QueueFilter { View = QueueView.DueSoon, DueWithinWorkingDays = 2 }));
        Assert.Empty(await ReferencesAsync(platform, new QueueFilter { View = QueueView.DueSoon, DueWithinWorkingDays = 1 }));
        Assert.Equal(["R-2"], await ReferencesAsync(platform, new QueueFilter { View = QueueView.Overdue }));
        await using var scope = platform.Scope();
        var held = (await scope.ServiceProvider.GetRequiredService<WorkQueue>().ListAsync(new QueueFilter { View = QueueView.AssignedToMe }, Handler, CancellationToken.None)).Rows.Single();
        Assert.Equal(("handler-1", "Anne Handler", platform.Clock.GetUtcNow()), (held.HolderSubject, held.HolderName, held.HeldSince));
        var soon = (await scope.ServiceProvider.GetRequiredService<WorkQueue>().ListAsync(new QueueFilter { Reference = "R-1" }, Handler, CancellationToken.None)).Rows.Single();
        Assert.Equal(("documents", new DateOnly(2026, 3, 4)), (soon.NextDeadlineKind, DeadlineDistance.DueDay(soon.NextDeadline!.Value)));
    }

    private static async Task<List<string>> ReferencesAsync(TestPlatform platform, QueueFilter filter, Actor? actor = null)
    {
        await using var scope = platform.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<WorkQueue>().ListAsync(filter, actor ?? Handler, CancellationToken.None);
        return [.. page.Rows.Select(r => r.Reference)];
    }

    // Five dossiers written directly (the queue reads rows, not workflows): three applicants, two programmes, deadlines,
    // one held, one proposed for a second approval by handler-1.
    private static async Task<TestPlatform> SeededAsync(DatabaseProvider provider)
    {
        var platform = await TestPlatform.StartAsync(provider, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), shippedContent: true);
        var now = platform.Clock.GetUtcNow();
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var forges = Party.Organisation("Forges de Wallonie SRL", EnterpriseNumber.Parse("0123.456.749"));
        var namur = Party.Organisation("Namur Digital SA", EnterpriseNumber.Parse("0789.012.351"));
        var atelier = Party.Organisation("Atelier Liège SRL", EnterpriseNumber.Parse("0555.444.368"));
        db.Parties.AddRange(forges, namur, atelier);
        Dossier Open(string reference, string programme, string state, Party applicant, decimal amount, DateOnly submitted)
        {
            var dossier = Dossier.Open(reference, programme, state, now);
            dossier.PinWorkflow(programme, 1);
            dossier.AddParty(applicant, DossierRoles.Applicant);
            dossier.Submit(submitted, amount);
            db.Dossiers.Add(dossier);
            return dossier;
        }

        var r1 = Open("R-1", "rentic", "under-review", forges, 24_000m, new DateOnly(2026, 2, 20));
        var r2 = Open("R-2", "rentic", "documents-requested", forges, 9_800m, new DateOnly(2026, 1, 15));
        var r3 = Open("R-3", "rentic", "awaiting-second-approval", namur, 30_000m, new DateOnly(2026, 2, 10));
        var r4 = Open("R-4", "rentic", "under-review", atelier, 18_000m, new DateOnly(2026, 2, 5));
        Open("C-5", "cyber", "submitted", atelier, 5_000m, new DateOnly(2026, 2, 25));
        await db.SaveChangesAsync();
        db.Deadlines.Add(new Deadline(r1.Id, "documents", r1.State, DeadlinePlanner.EndOfDay(new DateOnly(2026, 3, 4)), now));
        db.Deadlines.Add(new Deadline(r2.Id, "documents", r2.State, DeadlinePlanner.EndOfDay(new DateOnly(2026, 2, 27)), now));
        db.DossierAssignments.Add(new DossierAssignment(r4.Id, Handler.SubjectId, Handler.DisplayName, Handler.SubjectId, now));
        db.DossierHistory.Add(new DossierHistoryEntry(r3.Id, 1, "approve-above-threshold", "action", "approve", Handler.SubjectId, null, now, "under-review", "awaiting-second-approval"));
        await db.SaveChangesAsync();
        return platform;
    }
}
