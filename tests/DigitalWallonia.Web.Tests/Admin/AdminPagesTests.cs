using System.Net;
using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Web.Tests.Forms;
using DigitalWallonia.Web.Tests.SignIn;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Admin;

/// <summary>Administrators grant and revoke staff roles and mandates; every change is logged with who and when.</summary>
public class AdminPagesTests
{
    [Fact]
    public async Task A_role_granted_for_one_programme_is_held_at_the_person_s_next_sign_in_and_logged()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var granted = await AdminForms.GrantAsync(admin, "/Admin/Roles",
            new Dictionary<string, string> { ["person"] = "luc.renard", ["role"] = "supervisor", ["programme"] = "rentic" });

        AdminForms.Ok(granted);
        Assert.Equal("/Admin/Roles", granted.RequestMessage!.RequestUri!.AbsolutePath); // post, redirect, get
        var page = await AdminForms.PageAsync(granted);
        Assert.Equal("Rôle « Superviseur (second approbateur) » (Prime à la transformation numérique (RENTIC)) attribué à luc.renard.",
            page.QuerySelector("[data-testid=done]")!.TextContent);
        Assert.NotNull(page.QuerySelector("tr[data-subject='luc.renard'][data-role='supervisor'][data-programme='rentic']"));
        await using (var db = database.CreateContext())
        {
            var grant = await db.StaffRoleGrants.SingleAsync(g => g.Subject == "luc.renard" && g.Role == "supervisor");
            Assert.Equal(("rentic", "admin"), (grant.Programme, grant.GrantedBy));
            var change = await db.AccessChanges.SingleAsync(c => c.Subject == "luc.renard" && c.Role == "supervisor");
            Assert.Equal((AccessChange.RoleGranted, "admin", "rentic"), (change.Kind, change.ChangedBy, change.Programme));
            Assert.True(DateTimeOffset.UtcNow - change.OccurredAt < TimeSpan.FromMinutes(5));
        }

        var luc = await SignInJourney.SignInAsync(app.Browser(), "luc.renard");
        Assert.Contains("Superviseur", (await AdminForms.PageAsync(luc)).QuerySelector("[data-testid=roles]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_role_is_logged_and_not_granted_again_when_the_host_restarts()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using (var app = new AppHost(database))
        {
            var admin = app.Browser();
            await SignInJourney.SignInAsync(admin, "admin");

            var revoked = await AdminForms.RevokeAsync(admin, "/Admin/Roles", "tr[data-subject='nadia.benali'][data-role='policy-officer']");

            AdminForms.Ok(revoked);
            Assert.Null((await AdminForms.PageAsync(revoked)).QuerySelector("tr[data-subject='nadia.benali']"));
        }

        await using (var restarted = new AppHost(database))
        {
            await restarted.Browser().GetAsync(new Uri("/health", UriKind.Relative));
        }

        await using var db = database.CreateContext();
        Assert.False(await db.StaffRoleGrants.AnyAsync(g => g.Subject == "nadia.benali"));
        var kinds = await db.AccessChanges.Where(c => c.Subject == "nadia.benali").OrderBy(c => c.Id).Select(c => c.Kind + " by " + c.ChangedBy).ToListAsync();
        Assert.Equal(["role-granted by Identity:LocalProvider:Personas", "role-revoked by admin"], kinds);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_revoked()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var refused = await AdminForms.RevokeAsync(admin, "/Admin/Roles", "tr[data-subject='admin'][data-role='administrator']");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await AdminForms.PageAsync(refused);
        var link = page.QuerySelector(".govuk-error-summary__list a")!;
        Assert.StartsWith("Le dernier administrateur ne peut pas être retiré", link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
        await using var db = database.CreateContext();
        Assert.True(await db.StaffRoleGrants.AnyAsync(g => g.Subject == "admin" && g.Role == "administrator"));
    }

    [Fact]
    public async Task A_grant_already_held_or_incomplete_is_refused_on_its_fields()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var twice = await AdminForms.GrantAsync(admin, "/Admin/Roles",
            new Dictionary<string, string> { ["person"] = "luc.renard", ["role"] = "case-handler", ["programme"] = "*" });
        var incomplete = await AdminForms.GrantAsync(admin, "/Admin/Roles", new Dictionary<string, string> { ["person"] = "luc.renard" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Equal("Erreur : luc.renard a déjà le rôle « Gestionnaire de dossier » pour « Tous les programmes ».",
            (await AdminForms.PageAsync(twice)).GetElementById("input-role-error")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var links = (await AdminForms.PageAsync(incomplete)).QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#input-role-0", "#input-programme"], links); // a programme among 8: a select
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.StaffRoleGrants.CountAsync(g => g.Subject == "luc.renard"));
    }

    [Fact]
    public async Task A_mandate_granted_here_survives_the_person_s_sign_ins_until_revoked()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var granted = await AdminForms.GrantAsync(admin, "/Admin/Mandates",
            new Dictionary<string, string> { ["person"] = "claire.dubois", ["enterprise"] = "BE 0789.012.351", ["role"] = "measure-carrier" });

        AdminForms.Ok(granted);
        Assert.NotNull((await AdminForms.PageAsync(granted)).QuerySelector("tr[data-subject='claire.dubois'][data-enterprise='0789012351'][data-role='measure-carrier']"));
        for (var i = 0; i < 2; i++)
        {
            // With a carrier's mandate she lands on her reporting tasks; the portal lists her mandates.
            var claire = app.Browser();
            await SignInJourney.SignInAsync(claire, "claire.dubois");
            var mandates = (await AdminForms.PageAsync(await claire.GetAsync(new Uri("/Portal", UriKind.Relative)))).QuerySelector("[data-testid=mandates]")!.TextContent;
            Assert.Contains("BE 0789012351 — Porteur de mesure", mandates, StringComparison.Ordinal);
            Assert.Contains("BE 0123456749 — Représentant de l'entreprise", mandates, StringComparison.Ordinal); // the provider's, as before
        }

        var revoked = await AdminForms.RevokeAsync(admin, "/Admin/Mandates", "tr[data-subject='claire.dubois'][data-enterprise='0789012351']");

        AdminForms.Ok(revoked);
        var after = await SignInJourney.SignInAsync(app.Browser(), "claire.dubois");
        Assert.DoesNotContain("0789012351", (await AdminForms.PageAsync(after)).QuerySelector("[data-testid=mandates]")!.TextContent, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(["mandate-granted", "mandate-revoked"],
            await db.AccessChanges.Where(c => c.Subject == "claire.dubois").OrderBy(c => c.Id).Select(c => c.Kind).ToListAsync());
    }

    [Fact]
    public async Task Mandates_the_provider_asserts_are_shown_without_a_revoke_button()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        await SignInJourney.SignInAsync(app.Browser(), "sofia.martin");
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");

        var page = await AdminSession.ParseAsync(await admin.GetStringAsync(new Uri("/Admin/Mandates", UriKind.Relative)));

        var row = page.QuerySelector("tr[data-subject='sofia.martin'][data-enterprise='0876543270']")!;
        Assert.Contains("Sofia Martin", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fournisseur d'identité", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form"));
    }

    [Fact]
    public async Task The_access_log_lists_who_changed_what_for_whom()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var admin = app.Browser();
        await SignInJourney.SignInAsync(admin, "admin");
        await AdminForms.GrantAsync(admin, "/Admin/Roles", new Dictionary<string, string> { ["person"] = "anne.lambert", ["role"] = "case-handler", ["programme"] = "voucher" });

        var log = await AdminSession.ParseAsync(await admin.GetStringAsync(new Uri("/Admin/Changes", UriKind.Relative)));

        var newest = log.QuerySelector("[data-testid=access-changes] tbody tr")!;
        Assert.Equal("role-granted", newest.GetAttribute("data-kind"));
        Assert.Contains("Marc Delvaux (admin)", newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gestionnaire de dossier", newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chèques technologiques", newest.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Admin/Roles")]
    [InlineData("/Admin/Mandates")]
    [InlineData("/Admin/Changes")]
    [InlineData("/Admin/Forms")]
    public async Task Only_administrators_open_the_administration_pages(string page)
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var caseHandler = app.Browser();
        await SignInJourney.SignInAsync(caseHandler, "luc.renard");

        var response = await caseHandler.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
