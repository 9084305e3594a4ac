namespace DigitalWallonia.Rules.Tests;

public class ParameterAndOutputTests
{
    private static RuleSet Example()
    {
        var path = Path.Combine(RepoRoot(), "rules", "examples", "sme-premium.json");
        var loaded = RuleSetLoader.LoadFile(path);
        Assert.Empty(loaded.Diagnostics);
        return loaded.RuleSets[0];
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalWallonia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    private const string Input = """
        {"company":{"employees":12,"turnover":900000,"region":"WAL","foundedOn":"2015-05-01",
          "previousAids":[{"amount":20000,"grantedOn":"2024-02-01","scheme":"de minimis"},{"amount":290000,"grantedOn":"2020-02-01","scheme":"de minimis"}]},
         "application":{"requestedAmount":30000,"eligibleCosts":50000.01}}
        """;

    [Fact]
    public void Parameters_are_read_as_of_the_evaluation_date()
    {
        var engine = new RuleEngine();
        var before = engine.Evaluate(Example(), Input, new DateOnly(2025, 6, 30));
        var after = engine.Evaluate(Example(), Input, new DateOnly(2025, 7, 1));
        Assert.Equal(0.5m, before.Outputs["rate"]!.GetValue<decimal>());
        Assert.Equal(0.4m, after.Outputs["rate"]!.GetValue<decimal>());
        Assert.Contains(after.Parameters, p => p.Name == "rate" && p.ValidFrom == new DateOnly(2025, 7, 1) && p.LegalBasis!.Text.Contains("2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Money_outputs_round_half_away_from_zero_to_the_cent()
    {
        var r = new RuleEngine().Evaluate(Example(), Input, new DateOnly(2025, 3, 1));
        Assert.True(r.Passed);
        Assert.Equal(25000.01m, r.Outputs["amount"]!.GetValue<decimal>()); // 50000.01 * 0.5 = 25000.005
    }

    [Fact]
    public void Outputs_are_only_computed_when_every_rule_passed()
    {
        var r = new RuleEngine().Evaluate(Example(), Input.Replace("\"WAL\"", "\"BRU\"", StringComparison.Ordinal), new DateOnly(2025, 3, 1));
        Assert.False(r.Passed);
        Assert.Empty(r.Outputs);
    }

    [Fact]
    public void Today_is_the_evaluation_date_so_old_aid_drops_out_of_the_window()
    {
        // The 2020 aid is within three years of 2022-06-01 but not of 2025-03-01.
        var engine = new RuleEngine();
        Assert.False(engine.Evaluate(Example(), Input, new DateOnly(2022, 6, 1)).Results.Single(x => x.RuleName == "DeMinimis").IsSuccess);
        Assert.True(engine.Evaluate(Example(), Input, new DateOnly(2025, 3, 1)).Results.Single(x => x.RuleName == "DeMinimis").IsSuccess);
    }

    [Fact]
    public void ErrorMessage_placeholders_print_params_and_inputs()
    {
        var r = new RuleEngine().Evaluate(Example(), Input, new DateOnly(2022, 6, 1));
        Assert.Equal("Past de minimis aid 310000 plus the request exceeds the ceiling.", r.Results.Single(x => x.RuleName == "DeMinimis").ExceptionMessage);
    }

    [Fact]
    public void Input_not_matching_the_schema_is_an_input_error()
    {
        var r = new RuleEngine().Evaluate(Example(), Input.Replace("\"employees\":12", "\"employees\":\"twelve\"", StringComparison.Ordinal), new DateOnly(2025, 3, 1));
        Assert.Contains("company.employees", r.InputError, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_test_cases_pass()
        => Assert.All(RuleSetTests.Run(new RuleEngine(), Example()), o => Assert.Empty(o.Failures));

    [Fact]
    public void A_failing_embedded_test_case_says_what_differed()
    {
        var json = """
            {"WorkflowName":"W","Rules":[{"RuleName":"R","Expression":"x.n > 1"}],
             "Tests":[{"Name":"t","Inputs":{"x":{"n":0}},"Expect":{"R":true}}]}
            """;
        var outcome = Assert.Single(RuleSetTests.Run(new RuleEngine(), RuleSetLoader.LoadText(json).RuleSets[0]));
        Assert.Equal("rule 'R': expected success, got failure", Assert.Single(outcome.Failures));
    }

    [Fact]
    public void A_parameter_value_with_a_schema_type_is_checked_at_check_time()
    {
        var set = Example();
        Assert.Empty(new RuleEngine().Check(set));
    }

    [Fact]
    public void Unknown_parameters_are_reported_with_the_declared_ones()
    {
        var d = Assert.Single(TestRules.Check("params.ceiling > 1", """ "Parameters": [ { "Name": "rate", "Values": [] } ], """));
        Assert.Equal("DW1027", d.Code);
        Assert.Contains("declared parameters: rate", d.Message, StringComparison.Ordinal);
    }
}
