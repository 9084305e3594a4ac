using DigitalWallonia.Platform.Grants;

namespace DigitalWallonia.Platform.Tests.Grants;

public class AidGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static AidGrant External(decimal amount = 30000m) =>
        AidGrant.DeclaredExternal(1, new AidTerms(AidRegulation.DeMinimis2023), "SPF Economie", "doc-1", new(2025, 1, 10), amount, Now);

    [Fact]
    public void More_than_what_remains_cannot_be_recovered()
    {
        var grant = External();
        grant.Reduce(new(2025, 2, 1), 10000m, null, Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => grant.Recover(new(2025, 3, 1), 20000.01m, null, Now));
    }

    [Fact]
    public void A_cancelled_aid_cannot_be_changed_any_more()
    {
        var grant = External();
        grant.Cancel(new(2025, 2, 1), null, Now);

        Assert.Throws<InvalidOperationException>(() => grant.Recover(new(2025, 3, 1), 1m, null, Now));
        Assert.Throws<InvalidOperationException>(() => grant.Cancel(new(2025, 3, 1), null, Now));
    }

    [Fact]
    public void An_amount_with_a_fraction_of_a_cent_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => External(100.001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => External(0m));
    }

    [Fact]
    public void A_change_before_the_grant_date_is_refused()
    {
        var grant = External();

        Assert.Throws<ArgumentException>(() => grant.Reduce(new(2025, 1, 9), 1m, null, Now));
    }

    [Fact]
    public void External_aid_needs_its_evidence_document()
    {
        Assert.Throws<ArgumentException>(() =>
            AidGrant.DeclaredExternal(1, new AidTerms(AidRegulation.DeMinimis2023), "SPF Economie", " ", new(2025, 1, 10), 100m, Now));
    }

    [Fact]
    public void Payment_leaves_the_aid_whole()
    {
        var grant = External();
        grant.RecordPayment(new(2025, 2, 1), 30000m, Now);

        Assert.Equal(AidGrantStatus.Paid, grant.StatusOn(new(2025, 2, 1)));
        Assert.Equal(30000m, grant.NetAmountOn(new(2025, 2, 1)));
    }

    [Fact]
    public void Regulations_are_stored_as_their_act_numbers_and_only_de_minimis_acts_count_towards_the_ceiling()
    {
        Assert.Equal("2023/2831", AidRegulation.DeMinimis2023.Reference());
        Assert.Equal(AidRegulation.DeMinimis2013, AidRegulations.Parse("1407/2013"));
        Assert.True(AidRegulation.DeMinimisAgriculture.IsDeMinimis());
        Assert.False(AidRegulation.Gber.IsDeMinimis());
    }
}
