using System.Net;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.SignIn;

/// <summary>The local provider locks a person out after repeated wrong PINs, the count shared by every node.</summary>
public class LockoutTests
{
    private const string WrongPin = "0000";

    [Fact]
    public async Task Five_wrong_PINs_lock_the_person_out_even_with_the_right_PIN_until_the_period_ends()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new AppHost(database, clock: clock);
        var browser = app.Browser();

        var refusals = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var refused = await SignInJourney.SignInAsync(browser, "luc.renard", pin: WrongPin);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            refusals.Add(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }

        Assert.Contains("Code PIN incorrect. Encore 4 essai(s) avant le blocage.", refusals[0], StringComparison.Ordinal);
        Assert.Contains("Code PIN incorrect. Encore 1 essai(s) avant le blocage.", refusals[3], StringComparison.Ordinal);
        Assert.Contains("la connexion de cette personne est bloquée jusqu'à", refusals[4], StringComparison.Ordinal);
        var locked = await SignInJourney.SignInAsync(browser, "luc.renard");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("bloquée jusqu'à", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(16));
        var landed = await SignInJourney.SignInAsync(browser, "luc.renard");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/Workspace", landed.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.SignInLockouts.Where(l => l.Subject == "luc.renard").Select(l => l.Failures).SingleAsync());
    }

    [Fact]
    public async Task Another_person_is_not_locked_out_by_someone_else_s_failures()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            await SignInJourney.SignInAsync(browser, "luc.renard", pin: WrongPin);
        }

        var landed = await SignInJourney.SignInAsync(app.Browser(), "anne.lambert");

        Assert.Equal("/Workspace", landed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_again()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);
        for (var i = 0; i < 4; i++)
        {
            await SignInJourney.SignInAsync(app.Browser(), "nadia.benali", pin: WrongPin);
        }

        Assert.Equal("/Studio", (await SignInJourney.SignInAsync(app.Browser(), "nadia.benali")).RequestMessage!.RequestUri!.AbsolutePath);
        var again = await SignInJourney.SignInAsync(app.Browser(), "nadia.benali", pin: WrongPin);

        Assert.Contains("Encore 4 essai(s)", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_on_two_nodes_add_up_to_one_lockout()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var first = new AppHost(database);
        await using var second = new AppHost(database);
        for (var i = 0; i < 3; i++)
        {
            await SignInJourney.SignInAsync(first.Browser(), "admin", pin: WrongPin);
        }

        var fourth = await SignInJourney.SignInAsync(second.Browser(), "admin", pin: WrongPin);
        var fifth = await SignInJourney.SignInAsync(second.Browser(), "admin", pin: WrongPin);
        var rightPinOnTheFirst = await SignInJourney.SignInAsync(first.Browser(), "admin");

        Assert.Contains("Encore 1 essai(s)", WebUtility.HtmlDecode(await fourth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("bloquée jusqu'à", WebUtility.HtmlDecode(await fifth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rightPinOnTheFirst.StatusCode);
        Assert.Equal("/identity/sign-in", rightPinOnTheFirst.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_error_summary_links_to_the_PIN_field()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var app = new AppHost(database);

        var refused = await SignInJourney.SignInAsync(app.Browser(), "claire.dubois", pin: WrongPin);

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#pin\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"pin-hint pin-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Erreur : ", html, StringComparison.Ordinal);
    }
}
