namespace DigitalWallonia.Rules.Tests;

public class SafetyTests
{
    private const string Schema = """ "Inputs": { "c": { "Type": "object", "Properties": { "name": "string", "n": "integer" } } }, """;

    [Theory]
    [InlineData("c.GetType().Name == \"x\"", "DW1022")]
    [InlineData("c.name.GetType() != null", "DW1022")]
    [InlineData("typeof(string) != null", "DW1028")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "DW1028")]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\") == \"\"", "DW1028")]
    [InlineData("Activator.CreateInstance(\"x\") != null", "DW1022")]
    [InlineData("Process.Start(\"sh\") != null", "DW1022")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null", "DW1028")]
    [InlineData("Environment.Exit(1) == null", "DW1022")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") == \"\"", "DW1028")]
    [InlineData("AppDomain.CurrentDomain != null", "DW1028")]
    [InlineData("new System.Net.WebClient() != null", "DW1015")]
    [InlineData("new Object() != null", "DW1015")]
    [InlineData("new DateTime(2020, 1, 1) != null", "DW1015")]
    [InlineData("c.name.GetHashCode() > 0", "DW1022")]
    [InlineData("c.GetType().Assembly != null", "DW1022")]
    [InlineData("c.name.GetType().GetMethod(\"x\") != null", "DW1022")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "DW1028")]
    [InlineData("Assembly.Load(\"x\") != null", "DW1022")]
    [InlineData("DateTime.Now > DateTime(2020, 1, 1)", "DW1022")]
    [InlineData("DateTime.Today > DateTime(2020, 1, 1)", "DW1022")]
    [InlineData("Console.WriteLine(\"x\") == null", "DW1028")]
    [InlineData("GC.Collect() == null", "DW1028")]
    [InlineData("Thread.Sleep(1000) == null", "DW1028")]
    [InlineData("Task.Delay(1000) == null", "DW1028")]
    [InlineData("c.name = \"x\"", null)]
    [InlineData("c.n += 1", "DW1012")]
    [InlineData("c.n++ > 0", "DW1012")]
    [InlineData("c.n > 0; c.n > 1", "DW1001")]
    [InlineData("Enumerable.Range(0, 1000000000).Count() > 0", "DW1028")]
    [InlineData("Expression.Lambda(null) != null", "DW1028")]
    [InlineData("Func(1) == 1", "DW1028")]
    [InlineData("c.name.Invoke() == 1", "DW1022")]
    [InlineData("Math.GetType() != null", "DW1022")]
    [InlineData("string.Format(\"{0}\", c) == \"\"", "DW1023")]
    public void Escape_attempts_are_refused_with_a_clear_message(string expression, string? code)
    {
        var d = TestRules.Check(expression, Schema);
        if (code is null)
        {
            Assert.Empty(d); // '=' is equality in RulesEngine's dialect, never assignment.
            return;
        }

        Assert.Contains(d, x => x.Code == code);
        Assert.All(d, x => Assert.False(string.IsNullOrWhiteSpace(x.Message)));
    }

    [Fact]
    public void Absurd_nesting_is_refused()
    {
        var deep = new string('(', 5000) + "1" + new string(')', 5000) + " == 1";
        var d = TestRules.Check(deep);
        Assert.Contains(d, x => x.Code == "DW1013");
    }

    [Fact]
    public void Deep_unary_nesting_is_refused()
        => Assert.Contains(TestRules.Check(string.Concat(Enumerable.Repeat("!", 10000)) + "true"), x => x.Code == "DW1013");

    [Fact]
    public void Huge_string_literals_are_refused()
        => Assert.Contains(TestRules.Check("\"" + new string('x', 5000) + "\" == \"x\""), x => x.Code == "DW1004");

    [Fact]
    public void Huge_expressions_are_refused()
        => Assert.Contains(TestRules.Check(string.Join(" && ", Enumerable.Repeat("true", 5000))), x => x.Code == "DW1005");

    [Fact]
    public void Huge_numbers_are_refused()
        => Assert.Contains(TestRules.Check(new string('9', 100) + " > 1"), x => x.Code == "DW1003");
}
