namespace DigitalWallonia.Rules.Tests;

public class OperatorTests
{
    private const string Company = """{"c":{"employees":312,"turnover":12345678,"share":0.12,"name":"Forges SRL","nace":"25.110","ok":true,"aids":[{"amount":45000,"scheme":"de minimis"},{"amount":120000,"scheme":"GBER"},{"amount":8000,"scheme":"de minimis"}],"tags":["a","b"],"founded":"2004-03-15"}}""";

    [Theory]
    [InlineData("1 + 2 * 3 == 7")]
    [InlineData("(1 + 2) * 3 == 9")]
    [InlineData("7 / 2 == 3")]
    [InlineData("7 % 3 == 1")]
    [InlineData("7.0 / 2 == 3.5")]
    [InlineData("0.1 + 0.2 == 0.3")]
    [InlineData("-3 < 0")]
    [InlineData("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3")]
    [InlineData("1 = 1 and 1 <> 2 AND 1 != 2")]
    [InlineData("true || false && false")]
    [InlineData("!(1 > 2)")]
    [InlineData("not false")]
    [InlineData("true or false")]
    [InlineData("(1 > 2 ? 5 : 6) == 6")]
    [InlineData("iif(1 > 2, 5, 6) == 6")]
    [InlineData("2 in (1, 2, 3)")]
    [InlineData("\"b\" in (\"a\", \"b\")")]
    [InlineData("new[] { 1, 2, 3 }.Contains(2)")]
    [InlineData("\"ab\" + \"cd\" == \"abcd\"")]
    [InlineData("1m + 1 == 2")]
    [InlineData("\"a\" < \"b\"")]
    public void Operators_and_precedence_follow_CSharp(string expression) => Assert.True(TestRules.True(expression));

    [Theory]
    [InlineData("c.employees < 250", false)]
    [InlineData("c.employees >= 250 && c.turnover <= 50000000", true)]
    [InlineData("c.share < 0.25", true)]
    [InlineData("c.name.Contains(\"SRL\")", true)]
    [InlineData("c.name.StartsWith(\"Forges\") && c.name.EndsWith(\"SRL\")", true)]
    [InlineData("c.name.ToUpper() == \"FORGES SRL\" && c.name.ToLower() == \"forges srl\"", true)]
    [InlineData("\"  x \".Trim() == \"x\"", true)]
    [InlineData("c.name.Substring(0, 6) == \"Forges\" && c.name.Substring(7) == \"SRL\"", true)]
    [InlineData("c.name.Replace(\"SRL\", \"SA\") == \"Forges SA\"", true)]
    [InlineData("c.name.IndexOf(\"SRL\") == 7", true)]
    [InlineData("c.name.Length == 10", true)]
    [InlineData("c.nace.CompareTo(\"10\") >= 0 && c.nace.CompareTo(\"34\") < 0", true)]
    [InlineData("c.name.Equals(\"forges srl\", StringComparison.OrdinalIgnoreCase)", true)]
    [InlineData("c.name.Equals(\"forges srl\")", false)]
    [InlineData("string.Equals(c.name, \"FORGES SRL\", StringComparison.OrdinalIgnoreCase)", true)]
    [InlineData("string.Compare(c.name, \"Forges SRL\") == 0", true)]
    [InlineData("!string.IsNullOrEmpty(c.name)", true)]
    [InlineData("int.Parse(\"15\") == 15 && long.Parse(\"2\") == 2", true)]
    [InlineData("decimal.Parse(\"0.25\") == 0.25 && double.Parse(\"0.5\") == 0.5", true)]
    [InlineData("c.ok", true)]
    [InlineData("c.aids.Any()", true)]
    [InlineData("c.aids.Any(a => a.amount > 100000)", true)]
    [InlineData("c.aids.All(a => a.amount > 1000)", true)]
    [InlineData("c.aids.Count() == 3 && c.aids.Count == 3", true)]
    [InlineData("c.aids.Count(a => a.scheme == \"GBER\") == 1", true)]
    [InlineData("c.aids.Where(a => a.scheme == \"de minimis\").Sum(a => a.amount) == 53000", true)]
    [InlineData("c.aids.Where(scheme == \"de minimis\").Count() == 2", true)]
    [InlineData("c.aids.Select(a => a.amount).Sum() == 173000", true)]
    [InlineData("c.aids.Min(a => a.amount) == 8000 && c.aids.Max(a => a.amount) == 120000", true)]
    [InlineData("c.aids.Average(a => a.amount) > 57666", true)]
    [InlineData("c.aids.OrderBy(a => a.amount).First().amount == 8000", true)]
    [InlineData("c.aids.OrderByDescending(a => a.amount).First().amount == 120000", true)]
    [InlineData("c.aids.Take(1).Count() == 1 && c.aids.Skip(2).Count() == 1", true)]
    [InlineData("c.aids.FirstOrDefault(a => a.amount > 1000000) == null", true)]
    [InlineData("c.aids.First(it.amount == 8000).scheme == \"de minimis\"", true)]
    [InlineData("c.aids[1].scheme == \"GBER\"", true)]
    [InlineData("c.tags.Contains(\"b\")", true)]
    [InlineData("c.aids.Select(a => a.scheme).OrderBy(s => s).First() == \"GBER\"", true)]
    public void Members_strings_and_collections_work(string expression, bool expected)
        => Assert.Equal(expected, TestRules.True(expression, Company));

    [Theory]
    [InlineData("DateTime.Parse(c.founded) < date(\"2020-01-01\")")]
    [InlineData("DateTime(2024, 2, 29).AddDays(1) == date(\"2024-03-01\")")]
    [InlineData("date(\"2024-01-31\").AddMonths(1) == DateTime(2024, 2, 29)")]
    [InlineData("date(\"2024-02-29\").AddYears(1).Day == 28")]
    [InlineData("DateTime.Parse(c.founded).Year == 2004 && DateTime.Parse(c.founded).Month == 3")]
    [InlineData("(date(\"2024-03-01\") - date(\"2024-02-01\")).TotalDays == 29")]
    [InlineData("today == date(\"2025-06-15\")")]
    [InlineData("today.AddYears(-3) > DateTime.Parse(c.founded)")]
    public void Dates_use_the_evaluation_date_and_calendar_arithmetic(string expression)
        => Assert.True(TestRules.True(expression, Company));

    [Theory]
    [InlineData("Math.Round(2.345, 2) == 2.35")]
    [InlineData("Math.Round(2.5) == 3")]
    [InlineData("Math.Round(-2.5) == -3")]
    [InlineData("Math.Min(3, 5) == 3 && Math.Max(3, 5.5) == 5.5")]
    [InlineData("Math.Abs(-4) == 4 && Math.Abs(-4.5) == 4.5")]
    [InlineData("Math.Floor(2.7) == 2 && Math.Ceiling(2.1) == 3")]
    public void Math_rounds_half_away_from_zero(string expression) => Assert.True(TestRules.True(expression));

    [Fact]
    public void A_second_input_of_the_same_shape_reads_the_members_messages_and_outputs_need()
    {
        var json = """
            {"WorkflowName":"W","Rules":[{"RuleName":"R","ErrorMessage":"n=$(c.n) tag=$(c.tag)","Expression":"c.n > 1",
              "Actions":{"OnFailure":{"Name":"OutputExpression","Context":{"Expression":"new (c.seat as Seat)"}}}}]}
            """;
        var set = RuleSetLoader.LoadText(json).RuleSets[0];
        var engine = new RuleEngine();
        engine.Evaluate(set, """{"c":{"n":5,"tag":"a","seat":{"city":"Namur"},"unused":"x"}}""", TestRules.Day);
        var second = engine.Evaluate(set, """{"c":{"n":0,"tag":"b","seat":{"city":"Liège"},"unused":"y"}}""", TestRules.Day).Results[0];
        Assert.Equal("n=0 tag=b", second.ExceptionMessage);
        Assert.Equal("""{"Seat":{"city":"Liège"}}""", second.ActionOutput!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Integer_arithmetic_keeps_integer_semantics()
        => Assert.True(TestRules.True("c.employees / 100 == 3 && c.employees * 1.0 / 100 == 3.12", Company));

    [Fact]
    public void Integer_overflow_is_a_runtime_error_that_names_the_rule()
    {
        var r = TestRules.Eval("9223372036854775807 + 1 > 0");
        Assert.Equal(RuleStatus.RuntimeError, r.Status);
        Assert.Contains("R", r.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_local_param_is_a_compile_error_of_its_rule_only()
    {
        var json = """
            {"WorkflowName":"W","Rules":[
              {"RuleName":"A","LocalParams":[{"Name":"p","Expression":"1 +"}],"Expression":"p > 0"},
              {"RuleName":"B","Expression":"true"}]}
            """;
        var r = new RuleEngine().Evaluate(RuleSetLoader.LoadText(json).RuleSets[0], "{}", TestRules.Day);
        Assert.Equal(RuleStatus.CompileError, r.Results[0].Status);
        Assert.Contains("DW1012", r.Results[0].ExceptionMessage, StringComparison.Ordinal);
        Assert.True(r.Results[1].IsSuccess);
    }

    [Fact]
    public void Division_by_zero_is_a_runtime_error()
        => Assert.Equal(RuleStatus.RuntimeError, TestRules.Eval("1 / (1 - 1) == 0").Status);

    [Fact]
    public void First_on_an_empty_list_is_a_runtime_error()
        => Assert.Equal(RuleStatus.RuntimeError, TestRules.Eval("c.aids.Where(a => a.amount < 0).First().amount > 0", Company).Status);
}
