using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Tests.Grants;

public class AidLedgerTests
{
    private static readonly AidTerms DeMinimis = new(AidRegulation.DeMinimis2023, "cheques-entreprises", "digital", "digital-maturity");

    [Theory, OnSqlite, OnPostgres]
    public async Task Aid_to_every_party_linked_on_the_grant_date_counts_for_the_single_undertaking(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var parent = await scenario.CompanyAsync("Parent SA");
        var subsidiary = await scenario.CompanyAsync("Filiale SRL");
        var grandchild = await scenario.CompanyAsync("Petite-fille SRL");
        var stranger = await scenario.CompanyAsync("Voisin SRL");
        await using (var db = scenario.Context())
        {
            db.SingleUndertakingLinks.Add(new SingleUndertakingLink(parent, subsidiary, "majority-voting-rights", new(2020, 1, 1), LedgerScenario.Now));
            db.SingleUndertakingLinks.Add(new SingleUndertakingLink(subsidiary, grandchild, "board-appointment", new(2020, 1, 1), LedgerScenario.Now));
            var ledger = scenario.Ledger(db);
            ledger.DeclareExternalAid(subsidiary, new(AidRegulation.DeMinimis2023), "Région de Bruxelles-Capitale", "doc-1", new(2025, 2, 1), 40000m);
            ledger.DeclareExternalAid(grandchild, new(AidRegulation.DeMinimis2023), "SPF Economie", "doc-2", new(2025, 3, 1), 25000m);
            ledger.DeclareExternalAid(stranger, new(AidRegulation.DeMinimis2023), "SPF Economie", "doc-3", new(2025, 3, 1), 99000m);
            await db.SaveChangesAsync();
        }

        await using var read = scenario.Context();
        var members = await scenario.Ledger(read).SingleUndertakingAsync(grandchild, new(2026, 1, 1), CancellationToken.None);
        var past = await scenario.PastDeMinimisAidAsync(parent, new(2026, 1, 1));

        Assert.Equal([parent, subsidiary, grandchild], members);
        Assert.Equal(65000m, past);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_link_that_ended_before_the_grant_date_no_longer_joins_the_parties(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var parent = await scenario.CompanyAsync("Parent SA");
        var sold = await scenario.CompanyAsync("Vendue SRL");
        await using (var db = scenario.Context())
        {
            var link = new SingleUndertakingLink(parent, sold, "majority-voting-rights", new(2020, 1, 1), LedgerScenario.Now);
            link.End(new DateOnly(2025, 6, 30));
            db.SingleUndertakingLinks.Add(link);
            scenario.Ledger(db).DeclareExternalAid(sold, new(AidRegulation.DeMinimis2023), "SPF Economie", "doc-1", new(2025, 1, 15), 50000m);
            await db.SaveChangesAsync();
        }

        Assert.Equal(50000m, await scenario.PastDeMinimisAidAsync(parent, new(2025, 6, 30)));
        Assert.Equal(0m, await scenario.PastDeMinimisAidAsync(parent, new(2025, 7, 1)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_status_history_is_stored_in_order_and_reductions_and_recoveries_lower_the_net_aid_from_their_date(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL");
        await using (var db = scenario.Context())
        {
            var grant = scenario.Ledger(db).DeclareExternalAid(company, DeMinimis, "SPF Economie", "doc-1", new(2025, 1, 10), 30000m);
            grant.RecordPayment(new(2025, 2, 1), 30000m, LedgerScenario.Now);
            grant.Reduce(new(2025, 4, 1), 5000m, null, LedgerScenario.Now);
            grant.Recover(new(2025, 9, 1), 10000.50m, null, LedgerScenario.Now);
            await db.SaveChangesAsync();
        }

        await using var read = scenario.Context();
        var stored = await read.AidGrants.Include(g => g.StatusHistory).SingleAsync();

        Assert.Equal(
            [AidGrantStatus.Granted, AidGrantStatus.Paid, AidGrantStatus.Reduced, AidGrantStatus.Recovered],
            stored.StatusHistory.OrderBy(c => c.Sequence).Select(c => c.Status));
        Assert.Equal(30000m, stored.NetAmountOn(new(2025, 3, 31)));
        Assert.Equal(25000m, stored.NetAmountOn(new(2025, 4, 1)));
        Assert.Equal(14999.50m, stored.NetAmountOn(new(2025, 9, 1)));
        Assert.Equal(AidGrantStatus.Reduced, stored.StatusOn(new(2025, 8, 31)));
        Assert.Equal(14999.50m, await scenario.PastDeMinimisAidAsync(company, new(2026, 1, 1)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_cancelled_aid_counts_for_nothing_from_the_cancellation_date(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL");
        await using (var db = scenario.Context())
        {
            var grant = scenario.Ledger(db).DeclareExternalAid(company, DeMinimis, "SPF Economie", "doc-1", new(2025, 1, 10), 30000m);
            grant.Cancel(new(2025, 5, 1), null, LedgerScenario.Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal(30000m, await scenario.PastDeMinimisAidAsync(company, new(2025, 4, 30)));
        Assert.Equal(0m, await scenario.PastDeMinimisAidAsync(company, new(2025, 5, 1)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Under_1407_2013_a_fiscal_year_ending_on_30_June_sets_the_period_while_2023_2831_rolls_three_years(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Exercice décalé SA", new FiscalYearEnd(6, 30));
        await using (var db = scenario.Context())
        {
            var ledger = scenario.Ledger(db);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2013), "SPF Economie", "doc-1", new(2021, 6, 30), 60000m);
            ledger.DeclareExternalAid(company, new(AidRegulation.DeMinimis2013), "SPF Economie", "doc-2", new(2021, 7, 1), 70000m);
            ledger.DeclareExternalAid(company, new(AidRegulation.Gber), "SPF Economie", "doc-3", new(2022, 1, 1), 500000m);
            await db.SaveChangesAsync();
        }

        // Fiscal year 2023-07-01..2024-06-30 is current on 2023-12-31; the two before start on 2021-07-01.
        Assert.Equal(70000m, await scenario.PastDeMinimisAidAsync(company, new(2023, 12, 31)));
        // On 2024-06-30 the same fiscal years apply; a rolling period would start on 2021-07-01 too.
        Assert.Equal(70000m, await scenario.PastDeMinimisAidAsync(company, new(2024, 6, 30)));
        // Rolling three years from 2024-07-01 start on 2021-07-02: the aid of 2021-07-01 has left.
        Assert.Equal(0m, await scenario.PastDeMinimisAidAsync(company, new(2024, 7, 1)));
        // While on 2023-06-30 (fiscal year 2022-07-01..2023-06-30) the period starts on 2020-07-01 and holds both aids.
        Assert.Equal(130000m, await scenario.PastDeMinimisAidAsync(company, new(2023, 6, 30)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_grant_decision_adds_an_aid_a_recovery_decision_lowers_it_and_a_payment_leaves_it_whole(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL");
        var dossier = await scenario.DossierAsync(company);
        await using (var db = scenario.Context())
        {
            var grant = LedgerScenario.Decision(dossier, "grant", 25000m, new(2025, 3, 1));
            db.Decisions.Add(grant);
            var aid = await scenario.Ledger(db).FollowDecisionAsync(grant, DeMinimis, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.NotNull(aid);
            Assert.Equal(grant.Id, aid.DecisionId);
        }

        await using (var db = scenario.Context())
        {
            var recovery = LedgerScenario.Decision(dossier, "recovery", 5000m, new(2025, 10, 1));
            db.Decisions.Add(recovery);
            await scenario.Ledger(db).FollowDecisionAsync(recovery, DeMinimis, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using (var db = scenario.Context())
        {
            await scenario.Ledger(db).RecordPaymentAsync(dossier, new(2025, 4, 1), 25000m, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var read = scenario.Context();
        var stored = await read.AidGrants.Include(g => g.StatusHistory).SingleAsync();

        Assert.Equal(
            [AidGrantStatus.Granted, AidGrantStatus.Recovered, AidGrantStatus.Paid],
            stored.StatusHistory.OrderBy(c => c.Sequence).Select(c => c.Status));
        Assert.Equal(company, stored.BeneficiaryPartyId);
        Assert.Equal(AidAuthority.Walloon, stored.Authority);
        Assert.Equal(new DateOnly(2025, 3, 1), stored.GrantedOn);
        Assert.Equal(AidGrantStatus.Recovered, stored.StatusOn(new(2025, 10, 1)));
        Assert.Equal(20000m, stored.NetAmountOn(new(2025, 10, 1)));
        Assert.NotNull(stored.StatusHistory.Single(c => c.Status == AidGrantStatus.Recovered).DecisionId);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reversal_is_a_new_decision_and_the_ledger_follows_it(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL");
        var dossier = await scenario.DossierAsync(company);
        long grantId;
        await using (var db = scenario.Context())
        {
            var grant = LedgerScenario.Decision(dossier, "grant", 25000m, new(2025, 3, 1));
            db.Decisions.Add(grant);
            await scenario.Ledger(db).FollowDecisionAsync(grant, DeMinimis, CancellationToken.None);
            await db.SaveChangesAsync();
            grantId = grant.Id;
        }

        await using (var db = scenario.Context())
        {
            var correction = LedgerScenario.Decision(dossier, "partial", 18000m, new(2025, 4, 15), reverses: grantId);
            db.Decisions.Add(correction);
            await scenario.Ledger(db).FollowDecisionAsync(correction, DeMinimis, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using (var db = scenario.Context())
        {
            var withdrawal = LedgerScenario.Decision(dossier, "withdrawal", null, new(2025, 6, 1));
            db.Decisions.Add(withdrawal);
            await scenario.Ledger(db).FollowDecisionAsync(withdrawal, DeMinimis, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var read = scenario.Context();
        var decisions = await read.Decisions.OrderBy(d => d.Id).ToListAsync();
        var stored = await read.AidGrants.Include(g => g.StatusHistory).SingleAsync();

        Assert.Equal(["grant", "partial", "withdrawal"], decisions.Select(d => d.Kind));
        Assert.Equal(25000m, decisions[0].Amount);
        Assert.Equal(grantId, decisions[1].Reverses);
        Assert.Equal(25000m, stored.NetAmountOn(new(2025, 4, 14)));
        Assert.Equal(18000m, stored.NetAmountOn(new(2025, 4, 15)));
        Assert.Equal(0m, stored.NetAmountOn(new(2025, 6, 1)));
        Assert.Equal(
            [AidGrantStatus.Granted, AidGrantStatus.Reduced, AidGrantStatus.Cancelled],
            stored.StatusHistory.OrderBy(c => c.Sequence).Select(c => c.Status));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_recorded_decision_cannot_be_changed_or_deleted(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var dossier = await scenario.DossierAsync(await scenario.CompanyAsync("Forges SRL"));
        await using (var db = scenario.Context())
        {
            db.Decisions.Add(LedgerScenario.Decision(dossier, "grant", 25000m, new(2025, 3, 1)));
            await db.SaveChangesAsync();
        }

        await using (var db = scenario.Context())
        {
            var decision = await db.Decisions.SingleAsync();
            db.Entry(decision).Property(d => d.Amount).CurrentValue = 99999m;

            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", changed.Message, StringComparison.Ordinal);
        }

        await using (var db = scenario.Context())
        {
            db.Decisions.Remove(await db.Decisions.SingleAsync());

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var read = scenario.Context();
        Assert.Equal(25000m, (await read.Decisions.SingleAsync()).Amount);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_recorded_status_change_cannot_be_edited(DatabaseProvider provider)
    {
        await using var scenario = await LedgerScenario.StartAsync(provider);
        var company = await scenario.CompanyAsync("Forges SRL");
        await using (var db = scenario.Context())
        {
            scenario.Ledger(db).DeclareExternalAid(company, DeMinimis, "SPF Economie", "doc-1", new(2025, 1, 10), 30000m);
            await db.SaveChangesAsync();
        }

        await using var edit = scenario.Context();
        var change = await edit.AidGrantStatusChanges.SingleAsync();
        edit.Entry(change).Property(c => c.Amount).CurrentValue = 1m;

        await Assert.ThrowsAsync<InvalidOperationException>(() => edit.SaveChangesAsync());
    }
}
