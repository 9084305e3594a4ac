namespace DigitalWallonia.Rules.Tests;

public class DiagnosticTests
{
    /// <summary>Column of character <paramref name="index"/> of the expression in TestRules.OneRule's file, where JSON escapes lengthen the text.</summary>
    private static int Col(string expression, int index)
    {
        const int firstColumn = 74;
        var extra = expression.Take(index).Sum(ch => System.Text.Json.JsonSerializer.Serialize(ch.ToString()).Length - 3);
        return firstColumn + index + extra;
    }

    [Theory]
    [InlineData("1 +", "DW1012", 3)]
    [InlineData("(1 > 2", "DW1010", 6)]
    [InlineData("1 > 2)", "DW1014", 5)]
    [InlineData("1 # 2", "DW1001", 2)]
    [InlineData("\"abc", "DW1002", 0)]
    [InlineData("99999999999999999999 > 1", "DW1003", 0)]
    [InlineData("x => x", "DW1014", 2)]
    [InlineData("new Foo()", "DW1015", 0)]
    [InlineData("foo(1)", "DW1023", 0)]
    [InlineData("1 > \"a\"", "DW1025", 2)]
    [InlineData("1 + 2", "DW1026", 0)]
    [InlineData("params.rate > 1", "DW1027", 7)]
    [InlineData("\"a\".Substring()", "DW1024", 4)]
    [InlineData("\"a\".Nope()", "DW1023", 4)]
    [InlineData("np(1, 2, 3) > 0", "DW1024", 0)]
    public void Errors_have_a_stable_code_and_the_position_in_the_file(string expression, string code, int index)
    {
        var d = TestRules.Check(expression).First(x => x.Code == code);
        Assert.Equal(4, d.Line);
        Assert.Equal(Col(expression, index), d.Column);
        Assert.Equal("t.json", d.File);
        Assert.Equal("R", d.RuleName);
    }

    [Fact]
    public void Positions_are_mapped_through_JSON_escapes()
    {
        // \u0022 is six characters in the file but one in the expression: the error after it shifts by five.
        var json = "{\"WorkflowName\":\"W\",\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"\\u0022a\\u0022 \\u0026\\u0026 #\"}]}";
        var set = RuleSetLoader.LoadText(json, "e.json").RuleSets[0];
        var d = new RuleEngine().Check(set);
        var hash = json.IndexOf('#', StringComparison.Ordinal);
        Assert.Contains(d, x => x.Code == "DW1001" && x.Line == 1 && x.Column == hash + 1);
    }

    [Fact]
    public void The_parser_reports_every_error_in_one_pass()
    {
        var d = TestRules.Check("(1 # 2) && (3 $ 4)");
        Assert.Equal(2, d.Count(x => x.Code == "DW1001"));
    }

    [Fact]
    public void An_unknown_member_is_reported_with_a_suggestion_when_a_schema_is_given()
    {
        const string schema = """ "Inputs": { "company": { "Type": "object", "Properties": { "Employees": "integer" } } }, """;
        var d = Assert.Single(TestRules.Check("company.Employes < 250", schema));
        Assert.Equal("DW1021", d.Code);
        Assert.Contains("did you mean 'Employees'", d.Message, StringComparison.Ordinal);
        Assert.Equal(Col("company.Employes < 250", 8), d.Column);
    }

    [Fact]
    public void Invalid_json_is_reported_at_its_position()
    {
        var r = RuleSetLoader.LoadText("{\n  \"WorkflowName\": \"W\",\n  \"Rules\": [ }", "bad.json");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("DW1040", d.Code);
        Assert.Equal(3, d.Line);
        Assert.Equal(14, d.Column);
    }

    [Fact]
    public void A_rule_without_a_name_is_reported_at_the_rule()
    {
        var r = RuleSetLoader.LoadText("{\"WorkflowName\":\"W\",\"Rules\":[{\"Expression\":\"true\"}]}", "n.json");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("DW1042", d.Code);
        Assert.Equal((1, 30), (d.Line, d.Column));
    }

    [Fact]
    public void Property_names_are_case_insensitive()
    {
        var r = RuleSetLoader.LoadText("{\"workflowname\":\"W\",\"rules\":[{\"rulename\":\"R\",\"EXPRESSION\":\"true\",\"localParams\":[{\"name\":\"x\",\"expression\":\"1\"}]}]}");
        Assert.Empty(r.Diagnostics);
        Assert.True(new RuleEngine().Evaluate(r.RuleSets[0], "{}", TestRules.Day).Passed);
    }
}
