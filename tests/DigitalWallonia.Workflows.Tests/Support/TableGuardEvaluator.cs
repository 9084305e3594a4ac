using System.Text.Json;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Workflows.Tests.Support;

/// <summary>A guard evaluator answering from a table by rule set, recording every request it gets.</summary>
internal sealed class TableGuardEvaluator : IGuardEvaluator
{
    private readonly Dictionary<string, Func<GuardRequest, GuardOutcome>> _answers = new(StringComparer.Ordinal);

    public List<GuardRequest> Requests { get; } = [];

    public TableGuardEvaluator Answer(string ruleSet, GuardOutcome outcome) => Answer(ruleSet, _ => outcome);

    public TableGuardEvaluator Answer(string ruleSet, Func<GuardRequest, GuardOutcome> answer)
    {
        _answers[ruleSet] = answer;
        return this;
    }

    public GuardOutcome Evaluate(GuardRequest request)
    {
        Requests.Add(request);
        return _answers.TryGetValue(request.RuleSet, out var answer)
            ? answer(request)
            : throw new InvalidOperationException($"No answer for rule set '{request.RuleSet}' in this test.");
    }

    public static GuardOutcome Passed(string version = "1") => new(true, version);

    public static GuardOutcome Failed(string version = "1") => new(false, version);

    public static GuardOutcome WithOutput(string name, decimal value, bool passed = true) =>
        new(passed, "1") { Outputs = new Dictionary<string, JsonElement> { [name] = JsonSerializer.SerializeToElement(value) } };
}
