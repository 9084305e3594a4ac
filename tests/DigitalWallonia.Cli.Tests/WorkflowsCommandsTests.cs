using DigitalWallonia.Cli;
using DigitalWallonia.Platform.Tests.Support;

namespace DigitalWallonia.Cli.Tests;

public sealed class WorkflowsCommandsTests : IDisposable
{
    private const string Definition = """
        {
          "id": "demo",
          "version": 1,
          "title": { "fr": "Démo" },
          "programme": "voucher",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "Brouillon" }, "roles": ["applicant"] },
            { "id": "done", "kind": "final", "labels": { "fr": "Fini" } }
          ],
          "transitions": [
            {
              "from": "draft", "to": "done", "trigger": { "action": "submit" },
              "guard": { "ruleSet": "eligibility", "asOf": "submitted" },
              "actions": [{ "type": "notify", "template": "granted", "to": ["applicant"] }]
            }
          ]
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("dw-workflows-").FullName;

    public WorkflowsCommandsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "workflows"));
        Directory.CreateDirectory(Path.Combine(_root, "templates", "fr"));
        Directory.CreateDirectory(Path.Combine(_root, "rules"));
        File.Copy(Path.Combine(TestContent.RepositoryRoot(), "workflows", "roles.json"), Path.Combine(_root, "workflows", "roles.json"));
        File.WriteAllText(Path.Combine(_root, "templates", "fr", "granted.subject.hbs"), "Votre chèque est accordé");
        File.WriteAllText(Path.Combine(_root, "rules", "eligibility.json"), "{ \"WorkflowName\": \"eligibility\", \"Rules\": [] }");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Check_of_a_valid_definition_exits_0_and_says_ok()
    {
        var file = Write("demo.json", Definition);

        var (code, stdout, stderr) = await RunAsync("workflows", "check", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains($"{file}: ok", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_prints_one_file_line_column_message_per_error_and_exits_1()
    {
        var file = Write("demo.json", Definition.Replace("\"to\": \"done\"", "\"to\": \"dnoe\"", StringComparison.Ordinal));

        var (code, _, stderr) = await RunAsync("workflows", "check", file);

        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"{file}:12:30: DW2020: unknown state 'dnoe'; did you mean 'done'? (transitions[0].to)", lines);
        Assert.All(lines, l => Assert.StartsWith($"{file}:", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_uses_the_template_and_rule_set_folders_of_the_repository()
    {
        var file = Write("demo.json", Definition.Replace("\"granted\"", "\"grated\"", StringComparison.Ordinal).Replace("\"eligibility\"", "\"eligibilty\"", StringComparison.Ordinal));

        var (code, _, stderr) = await RunAsync("workflows", "check", file);

        Assert.Equal(1, code);
        Assert.Contains("DW2022: unknown template 'grated'; did you mean 'granted'?", stderr, StringComparison.Ordinal);
        Assert.Contains("DW2023: unknown rule set 'eligibilty'; did you mean 'eligibility'?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_malformed_json_reports_where_it_breaks()
    {
        var file = Write("broken.json", "{\n  \"id\": \"demo\"\n  \"version\": 1\n}");

        var (code, _, stderr) = await RunAsync("workflows", "check", file);

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}:3:3: DW2001: malformed JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_validates_the_role_catalogue_when_given()
    {
        var file = Write("roles.json", "{ \"roles\": [{ \"key\": \"x\", \"scope\": \"everywhere\", \"labels\": { \"fr\": \"X\" } }] }");

        var (code, _, stderr) = await RunAsync("workflows", "check", file);

        Assert.Equal(1, code);
        Assert.Contains("DW2006", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_a_missing_file_fails()
    {
        var (code, _, stderr) = await RunAsync("workflows", "check", Path.Combine(_root, "nope.json"));

        Assert.Equal(1, code);
        Assert.Contains("cannot read the file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_definitions_pass_the_check_against_the_shipped_roles()
    {
        // Templates and rule sets of the programmes arrive with their own content (issue 8); empty folders stand in for
        // them here so this test checks structure and roles only.
        var files = Directory.GetFiles(Path.Combine(TestContent.RepositoryRoot(), "workflows"), "*.json");
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        var (code, _, stderr) = await RunAsync(["workflows", "check", .. files, "--templates", empty, "--rules", empty]);

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Graph_prints_a_mermaid_state_diagram()
    {
        var file = Write("demo.json", Definition);

        var (code, stdout, _) = await RunAsync("workflows", "graph", file);

        Assert.Equal(0, code);
        Assert.Contains("stateDiagram-v2", stdout, StringComparison.Ordinal);
        Assert.Contains("draft --> done : submit (applicant) [eligibility allPassed]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_of_a_file_with_errors_prints_them_and_fails()
    {
        var file = Write("demo.json", "[]");

        var (code, stdout, stderr) = await RunAsync("workflows", "graph", file);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(":1:1: DW2002: expected an object, found an array", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("graph")]
    [InlineData("frobnicate")]
    public async Task A_malformed_command_line_is_a_usage_error(string verb)
    {
        var (code, _, stderr) = await RunAsync("workflows", verb);

        Assert.Equal(2, code);
        Assert.StartsWith("dw workflows:", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_root, "workflows", name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Dw.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
