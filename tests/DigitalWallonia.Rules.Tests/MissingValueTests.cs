namespace DigitalWallonia.Rules.Tests;

public class MissingValueTests
{
    private const string Input = """{"c":{"n":null,"s":null,"aids":[{"amount":1},{"amount":null}]},"d":{"x":1}}""";

    [Theory]
    [InlineData("c.n < 5")]
    [InlineData("c.n > 5")]
    [InlineData("c.n == 5")]
    [InlineData("c.n != 5")]
    [InlineData("c.s == \"x\"")]
    public void A_comparison_with_a_missing_value_is_false(string expression)
        => Assert.False(TestRules.True(expression, Input));

    [Theory]
    [InlineData("c.n == null")]
    [InlineData("!(c.s != null)")]
    [InlineData("(c.n ?? 7) == 7")]
    [InlineData("(c.s ?? \"d\") == \"d\"")]
    [InlineData("np(c.n) == null")]
    [InlineData("c.aids.Sum(a => a.amount) == 1")]
    [InlineData("c.aids[5] == null")]
    public void Null_tests_and_defaults_make_missing_values_explicit(string expression)
        => Assert.True(TestRules.True(expression, Input));

    [Fact]
    public void A_missing_value_is_named_in_the_explanation()
    {
        var r = TestRules.Eval("c.employees < 250", """{"c":{"employees":null}}""", explain: true);
        Assert.False(r.IsSuccess);
        Assert.Contains("c.employees is missing", r.Explanation!.En, StringComparison.Ordinal);
        Assert.Contains("c.employees est absent", r.Explanation.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_schema_an_absent_member_is_missing_not_an_error()
    {
        const string schema = """ "Inputs": { "c": { "Type": "object", "Properties": { "employees": "integer?", "name": "string" } } }, """;
        var r = TestRules.Eval("c.employees < 250", """{"c":{"name":"x"}}""", schema);
        Assert.Equal(RuleStatus.Failure, r.Status);
    }
}
