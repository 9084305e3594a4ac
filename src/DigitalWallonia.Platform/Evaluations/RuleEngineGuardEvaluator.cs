using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Rules;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// Answers the workflow runtime's guard questions with the rule engine: the version in force on the as-of date, the
/// dossier's facts as the rule inputs and the trigger's input as one more, <c>input</c> (rules read <c>input.reason</c>):
/// a person's input never replaces a fact; only a <c>setFact</c> the definition names makes a fact of it. Outputs and
/// the explanation are kept for the evaluation snapshot. Register facts (<see cref="Registrations.FactsForAsync"/>) win over
/// both and are resolved as of the evaluation date: whether the provider was labelled that day, not today.
/// </summary>
/// A programme's eligibility named in <see cref="CommonEligibilityOptions"/> also evaluates the common rule sets it is
/// subject to (<see cref="CommonEligibility"/>).
public sealed class RuleEngineGuardEvaluator(RuleLibrary rules, IOptions<RegisterOptions> registers, IOptions<CommonEligibilityOptions> eligibility,
    IOptions<Grants.ProgrammeAidOptions> aid) : IGuardEvaluator
{
    private readonly IReadOnlySet<string> _registerFacts = registers.Value.FactNames();
    public GuardOutcome Evaluate(GuardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = new JsonObject();
        foreach (var (name, value) in request.Facts)
        {
            facts[name] = JsonNode.Parse(value.GetRawText());
        }

        var input = new JsonObject();
        foreach (var (name, value) in request.Input)
        {
            input[name] = JsonNode.Parse(value.GetRawText());
        }

        facts["input"] = input;

        foreach (var name in _registerFacts)
        {
            if (request.Facts.TryGetValue(name, out var fact) && JsonNode.Parse(fact.GetRawText()) is JsonObject { } registered
                && Registrations.IsUnresolved(registered))
            {
                facts[name] = Registrations.ResolveFact(registered, request.AsOfDate);
            }
        }

        // One read of the registry per evaluation: a publication seen meanwhile applies from the next one.
        var registry = rules.Registry;
        if (eligibility.Value.RuleSets.TryGetValue(request.RuleSet, out var programme))
        {
            return new CommonEligibility(registry, aid.Value).Evaluate(request, facts, programme);
        }

        using var document = JsonDocument.Parse(facts.ToJsonString());
        var result = registry.Evaluate(request.RuleSet, request.AsOfDate, document.RootElement, explain: true);
        var explanation = Explain(result);
        explanation["provenance"] = CommonEligibility.Provenance(facts, request.FactSources);
        explanation["decided"] = CommonEligibility.Decided(facts, request.FactSources);
        return new GuardOutcome(result.Passed, result.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            RuleResults = result.Results.ToDictionary(r => r.RuleName, r => r.IsSuccess, StringComparer.Ordinal),
            SuccessEvents = result.SuccessEvents,
            Outputs = result.Outputs.ToDictionary(
                o => o.Key,
                o => JsonSerializer.SerializeToElement(o.Value),
                StringComparer.Ordinal),
            ExplanationJson = explanation.ToJsonString(),
        };
    }

    /// <summary>The explanation kept in the evaluation snapshot: the version, the date, each rule's result and the parameters used.</summary>
    internal static JsonObject Explain(EvaluationResult result) => new()
    {
        ["ruleSet"] = result.RuleSetName,
        ["version"] = result.Version,
        ["asOf"] = result.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["inputError"] = result.InputError,
        ["rules"] = JsonSerializer.SerializeToNode(result.Results),
        ["parameters"] = JsonSerializer.SerializeToNode(result.Parameters),
    };
}
