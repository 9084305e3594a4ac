namespace DigitalWallonia.Rules.Tests;

public class ExplanationTests
{
    private const string Input = """{"company":{"employees":312,"turnover":60000000,"balanceSheet":10000000}}""";

    [Fact]
    public void A_failed_AND_is_explained_by_its_first_false_condition_with_the_value_seen()
    {
        var r = TestRules.Eval("company.employees < 250 && company.turnover <= 50000000", Input, explain: true);
        var e = r.Explanation!;
        Assert.False(e.Outcome);
        var decisive = Assert.Single(e.Children);
        Assert.Equal("company.employees = 312, expected < 250", decisive.En);
        Assert.Equal("company.employees = 312, attendu < 250", decisive.Fr);
    }

    [Fact]
    public void A_passed_OR_is_explained_by_its_first_true_condition()
    {
        var r = TestRules.Eval("company.turnover <= 50000000 || company.balanceSheet <= 43000000", Input, explain: true);
        Assert.True(r.IsSuccess);
        Assert.Equal("company.balanceSheet = 10000000, expected <= 43000000", Assert.Single(r.Explanation!.Children).En);
    }

    [Fact]
    public void Explanations_are_off_unless_asked()
        => Assert.Null(TestRules.Eval("company.employees < 250", Input).Explanation);

    [Fact]
    public void Explaining_does_not_change_the_outcome()
    {
        var plain = TestRules.Eval("company.employees < 250 || !(company.turnover > 1)", Input);
        var explained = TestRules.Eval("company.employees < 250 || !(company.turnover > 1)", Input, explain: true);
        Assert.Equal(plain.IsSuccess, explained.IsSuccess);
    }

    [Fact]
    public void A_parameter_is_cited_with_its_value_and_legal_basis()
    {
        const string parameters = """ "Parameters": [ { "Name": "sme", "Type": "integer", "Values": [ { "ValidFrom": "2020-01-01", "Value": 250, "LegalBasis": { "Text": "Reco 2003/361", "Link": "https://eur-lex.europa.eu" } } ] } ], """;
        var r = TestRules.Eval("company.employees < params.sme", Input, parameters, explain: true);
        Assert.Equal("company.employees = 312, expected < params.sme (params.sme = 250 since 2020-01-01; Reco 2003/361 https://eur-lex.europa.eu)", r.Explanation!.En);
    }
}
