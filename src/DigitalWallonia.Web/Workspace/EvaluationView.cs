using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Evaluations;

namespace DigitalWallonia.Web.Workspace;

/// <summary>A rule's outcome as the dossier page explains it: the rule set it belongs to, met or not, and why in plain words.</summary>
public sealed record RuleLine(string RuleSet, string Version, string Rule, bool Passed, string Explanation);

/// <summary>One input the rules read, its value and where it came from.</summary>
public sealed record InputLine(string Name, string Source, string Value);

/// <summary>An evaluation snapshot read for people: every rule's outcome, failed first, the inputs with their provenance.</summary>
public sealed record EvaluationView(EvaluationSnapshot Snapshot, IReadOnlyList<RuleLine> Rules, IReadOnlyList<InputLine> Inputs, IReadOnlyList<(string Name, string Value)> Outputs, string? InputError)
{
    public static EvaluationView Of(EvaluationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var explanation = JsonNode.Parse(snapshot.ExplanationJson) as JsonObject ?? [];
        var rules = new List<RuleLine>();
        rules.AddRange(RulesOf(explanation["rules"], snapshot.RuleSet, snapshot.RuleSetVersion));
        foreach (var common in (explanation["common"] as JsonArray ?? []).OfType<JsonObject>())
        {
            rules.AddRange(RulesOf(common["rules"], Text(common["ruleSet"]) ?? "", Text(common["version"]) ?? ""));
        }

        var provenance = explanation["provenance"] as JsonObject ?? [];
        // The facts the rules read (the platform's among them), then the action's own input.
        var inputs = (JsonNode.Parse(snapshot.FactsJson) as JsonObject ?? [])
            .Select(i => new InputLine(i.Key, Source(provenance[i.Key]), Timeline.Display(i.Value)))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .Concat((JsonNode.Parse(snapshot.InputJson) as JsonObject ?? [])
                .Select(i => new InputLine($"input.{i.Key}", WorkspaceText.T("provenance.input"), Timeline.Display(i.Value))))
            .ToList();
        var outputs = (JsonNode.Parse(snapshot.OutputsJson) as JsonObject ?? []).Select(o => (o.Key, Timeline.Display(o.Value))).ToList();
        return new EvaluationView(snapshot, [.. rules.OrderBy(r => r.Passed)], inputs, outputs, Text(explanation["inputError"]));
    }

    private static IEnumerable<RuleLine> RulesOf(JsonNode? results, string ruleSet, string version)
    {
        foreach (var rule in (results as JsonArray ?? []).OfType<JsonObject>())
        {
            var passed = rule["IsSuccess"]?.GetValue<bool>() ?? false;
            var explanation = rule["Explanation"] as JsonObject;
            var text = Text(explanation?[Shared.Ui.IsEnglish ? "En" : "Fr"])
                ?? Text(rule["ExceptionMessage"]) ?? Text(rule["ErrorMessage"]) ?? "";
            yield return new RuleLine(ruleSet, version, Text(rule["RuleName"]) ?? "", passed, text);
        }
    }

    private static string Source(JsonNode? provenance)
    {
        var source = Text(provenance?["source"]) ?? "dossier";
        return WorkspaceText.Has($"provenance.{source}") ? WorkspaceText.T($"provenance.{source}") : source;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;
}
