using System.Text.Json.Nodes;
using DigitalWallonia.Cli;

namespace DigitalWallonia.Cli.Tests;

public sealed class RulesCommandsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dw-rules-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Dw(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await DigitalWallonia.Cli.Dw.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private const string Rules = """
        [
          { "WorkflowName": "A",
            "Rules": [
              { "RuleName": "Sme", "SuccessEvent": "sme", "ErrorMessage": "has $(c.n) employees", "Expression": "c.n < 250" },
              { "RuleName": "Both", "Operator": "Or", "Rules": [
                  { "RuleName": "Wal", "Expression": "c.r == \"WAL\"" },
                  { "RuleName": "Dg", "Expression": "c.r == \"DG\"" } ],
                "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "new (c.n * 2 as Double, c.r as Region)" } } } }
            ] },
          { "WorkflowName": "B", "Rules": [ { "RuleName": "Big", "Expression": "c.n >= 250" } ] }
        ]
        """;

    [Fact]
    public async Task Check_of_a_valid_file_exits_0_and_prints_nothing()
    {
        var (exit, _, err) = await Dw("rules", "check", Write("ok.json", Rules));
        Assert.Equal(0, exit);
        Assert.Empty(err);
    }

    [Fact]
    public async Task Check_prints_FILE_LINE_COL_for_an_error_inside_an_escaped_expression()
    {
        var file = Write("bad.json", "{\n  \"WorkflowName\": \"W\",\n  \"Rules\": [ { \"RuleName\": \"R\", \"Expression\": \"\\\"a\\\" == #\" } ]\n}");
        var (exit, _, err) = await Dw("rules", "check", file);
        Assert.Equal(1, exit);
        // The # is at column 57 of line 3: the two \" escapes count two characters each in the file.
        Assert.Contains($"{file}:3:57: DW1001 unexpected character '#'", err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()));
    }

    [Fact]
    public async Task Eval_prints_one_json_line_per_top_level_rule_in_file_order()
    {
        var (exit, output, err) = await Dw("rules", "eval", Write("r.json", Rules), "--input", Write("in.json", """{"c":{"n":300,"r":"WAL"}}"""), "--at", "2025-01-01");
        Assert.Equal(0, exit);
        Assert.Empty(err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("""{"workflow":"A","rule":"Sme","isSuccess":false,"status":"failure","successEvent":null,"exceptionMessage":"has 300 employees"}""", lines[0].ToJsonString());
        Assert.Equal("Both", (string)lines[1]["rule"]!);
        Assert.Equal("""{"Double":600,"Region":"WAL"}""", lines[1]["actionOutput"]!.ToJsonString());
        Assert.Equal(2, lines[1]["children"]!.AsArray().Count);
        Assert.Equal("B", (string)lines[2]["workflow"]!);
    }

    private const string Chained = """
        [
          { "WorkflowName": "Eligibility", "WorkflowsToInject": [ "Common" ],
            "Rules": [
              { "RuleName": "Sme", "Expression": "c.n < 250",
                "Actions": { "OnSuccess": { "Name": "EvaluateRule",
                  "Context": { "WorkflowName": "Amount", "RuleName": "Rate",
                               "additionalInputs": [ { "Name": "requested", "Expression": "c.amount" } ] } } } } ] },
          { "WorkflowName": "Common", "Rules": [ { "RuleName": "Walloon", "Expression": "c.r == \"WAL\"" } ] },
          { "WorkflowName": "Amount", "Rules": [
              { "RuleName": "Rate", "Expression": "requested > 0",
                "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "requested * 0.75m" } } } } ] }
        ]
        """;

    [Fact]
    public async Task Eval_prints_the_output_of_an_EvaluateRule_action_and_the_injected_rules()
    {
        var (exit, output, err) = await Dw("rules", "eval", Write("chain.json", Chained), "--input", Write("in.json", """{"c":{"n":10,"r":"WAL","amount":1000}}"""), "--workflow", "Eligibility", "--at", "2025-01-01");
        Assert.Equal(0, exit);
        Assert.Empty(err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal(
        [
            """{"workflow":"Eligibility","rule":"Sme","isSuccess":true,"status":"success","successEvent":"Sme","exceptionMessage":null,"actionOutput":750.00}""",
            """{"workflow":"Eligibility","rule":"Walloon","isSuccess":true,"status":"success","successEvent":"Walloon","exceptionMessage":null}""",
        ], lines);
    }

    [Fact]
    public async Task Check_prints_FILE_LINE_COL_for_an_unknown_EvaluateRule_target_and_an_injection_cycle()
    {
        var file = Write("refs.json", """
            [
              { "WorkflowName": "A", "WorkflowsToInject": [ "A" ], "Rules": [ { "RuleName": "R", "Expression": "true",
                  "Actions": { "OnFailure": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Gone", "RuleName": "X" } } } } ] }
            ]
            """);
        var (exit, _, err) = await Dw("rules", "check", file);
        Assert.Equal(1, exit);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal(
        [
            $"{file}:2:49: DW1052 WorkflowsToInject: workflow 'A' injects itself through A → A",
            $"{file}:3:88: DW1051 EvaluateRule: no workflow named 'Gone' in this file",
        ], lines);
    }

    [Fact]
    public async Task Eval_with_workflow_and_explain_adds_the_explanation()
    {
        var (exit, output, _) = await Dw("rules", "eval", Write("r.json", Rules), "--input", Write("in.json", """{"c":{"n":300,"r":"WAL"}}"""), "--workflow", "A", "--explain", "--at", "2025-01-01");
        Assert.Equal(0, exit);
        var first = JsonNode.Parse(output.Split('\n')[0])!;
        Assert.Equal("c.n = 300, expected < 250", (string)first["explanation"]!["en"]!);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Eval_with_an_invalid_input_exits_1_with_the_error_on_stderr()
    {
        var (exit, output, err) = await Dw("rules", "eval", Write("r.json", Rules), "--input", Write("in.json", "[1,2"));
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("in.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_with_an_invalid_file_exits_1()
    {
        var (exit, _, err) = await Dw("rules", "eval", Write("r.json", "{ nope"), "--input", Write("in.json", "{}"));
        Assert.Equal(1, exit);
        Assert.Contains("DW1040", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_runs_embedded_cases_and_exits_1_when_one_fails()
    {
        var file = Write("t.json", """
            { "WorkflowName": "T", "Rules": [ { "RuleName": "R", "Expression": "x.n > 1" } ],
              "Tests": [ { "Name": "two", "Inputs": { "x": { "n": 2 } }, "Expect": { "R": true } },
                         { "Name": "zero", "Inputs": { "x": { "n": 0 } }, "Expect": { "R": true } } ] }
            """);
        var (exit, output, _) = await Dw("rules", "test", file);
        Assert.Equal(1, exit);
        Assert.Contains("PASS T v1 / two", output, StringComparison.Ordinal);
        Assert.Contains("FAIL T v1 / zero", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_of_the_example_rule_set_passes()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DigitalWallonia.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var (exit, output, _) = await Dw("rules", "test", Path.Combine(root, "rules", "examples", "sme-premium.json"));
        Assert.Equal(0, exit);
        Assert.Contains("0 failed", output, StringComparison.Ordinal);
    }
}
