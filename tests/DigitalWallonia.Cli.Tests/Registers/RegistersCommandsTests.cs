using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Support;

namespace DigitalWallonia.Cli.Tests.Registers;

public class RegistersCommandsTests
{
    private static readonly string[] ListingOptions =
    [
        "--Registers:Registers:listing:Workflow", "listing-test", "--Registers:Registers:listing:PartyRole", "provider",
        "--Registers:Registers:listing:InForceStates:0", "listed",
    ];

    [Fact]
    public async Task Registers_list_shows_who_is_in_force_on_the_day_asked_and_everyone_with_all()
    {
        await using var platform = await ListingRegister.StartAsync(DatabaseProvider.Sqlite);
        var (listed, _) = await ListingRegister.RegisterAsync(platform, "Conseil Numérique SPRL", "0876.543.270");
        var (pending, _) = await ListingRegister.RegisterAsync(platform, "Attente SA", "0789.012.351", list: false);
        string[] connection = ["--connection", platform.Database.ConnectionString];

        var inForce = await DwTests.RunAsync(["registers", "list", "listing", "--at", "2026-03-02", .. connection, .. ListingOptions]);
        var all = await DwTests.RunAsync(["registers", "list", "listing", "--at", "2026-03-02", "--all", .. connection, .. ListingOptions]);
        var later = await DwTests.RunAsync(["registers", "list", "listing", "--at", "2027-03-02", .. connection, .. ListingOptions]);

        Assert.Equal(0, inForce.Code);
        Assert.Contains("Register 'listing' on 2026-03-02: 1 in force.", inForce.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"yes +0876\.543\.270 +Conseil Numérique SPRL +{listed} +listed +2027-03-01", inForce.Stdout);
        Assert.DoesNotContain(pending, inForce.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"no +0789\.012\.351 +Attente SA +{pending} +applied +-", all.Stdout);
        Assert.Contains("No registration of 'listing' in force on 2027-03-02.", later.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registers_list_shows_each_party_of_a_registration_of_two()
    {
        await using var platform = await ListingRegister.StartAsync(DatabaseProvider.Sqlite);
        var first = await TestParties.StoredAsync(platform, "0876.543.270", "Conseil Numérique SPRL");
        var second = await TestParties.StoredAsync(platform, "0555.444.368", "Atelier Web SRL");
        var reference = await ListingRegister.RegisterAsync(platform, [first, second]);

        var (code, stdout, _) = await DwTests.RunAsync(["registers", "list", "listing", "--at", "2026-03-02", "--connection", platform.Database.ConnectionString, .. ListingOptions]);

        Assert.Equal(0, code);
        Assert.Contains("Register 'listing' on 2026-03-02: 2 in force.", stdout, StringComparison.Ordinal);
        Assert.Matches($@"yes +0876\.543\.270 +Conseil Numérique SPRL +{reference} +listed", stdout);
        Assert.Matches($@"yes +0555\.444\.368 +Atelier Web SRL +{reference} +listed", stdout);
    }

    [Fact]
    public async Task An_unknown_register_or_a_malformed_date_is_a_usage_error()
    {
        var unknown = await DwTests.RunAsync("registers", "list", "nope");
        var badDate = await DwTests.RunAsync("registers", "list", "provider", "--at", "tomorrow");

        Assert.Equal((2, 2), (unknown.Code, badDate.Code));
        Assert.Contains("no register named 'nope'; known: cyber-professional, label, provider", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("--at 'tomorrow' is not a date", badDate.Stderr, StringComparison.Ordinal);
    }
}
