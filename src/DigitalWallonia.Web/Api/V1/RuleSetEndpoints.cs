using System.ComponentModel;
using System.Text.Json;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalWallonia.Web.Api.V1;

/// <summary><c>/api/v1/rule-sets</c>: the rule sets in force on a day (today by default), each with its legal basis and source file.</summary>
internal static class RuleSetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/rule-sets", List).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("ListRuleSets").WithTags("Rule sets").WithSummary("The rule sets and the version of each in force on a day");
        api.MapGet("/rule-sets/{name}", Get).RequireAuthorization(ApiAuthentication.ReadPolicy)
            .WithName("GetRuleSet").WithTags("Rule sets").WithSummary("The version of a rule set in force on a day, with its source")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<List<RuleSetSummary>> List(
        [Description("The day (yyyy-MM-dd); today in Brussels by default.")] DateOnly? asOf, RuleLibrary rules, TimeProvider clock)
    {
        var day = asOf ?? DeadlinePlanner.LegalDate(clock.GetUtcNow());
        return TypedResults.Ok(rules.Registry.Names.Order(StringComparer.Ordinal)
            .Select(name => rules.Registry.Resolve(name, day)).OfType<RuleSet>().Select(Summary).ToList());
    }

    private static Results<Ok<RuleSetModel>, ProblemHttpResult> Get(
        [Description("The rule set's name (WorkflowName).")] string name,
        [Description("The day (yyyy-MM-dd); today in Brussels by default.")] DateOnly? asOf, RuleLibrary rules, TimeProvider clock)
    {
        var day = asOf ?? DeadlinePlanner.LegalDate(clock.GetUtcNow());
        if (rules.Registry.Resolve(name, day) is not { } ruleSet)
        {
            return ApiProblems.NotFound($"No version of rule set '{name}' is in force on {day:yyyy-MM-dd}.");
        }

        // The published text in force (the database's row, or the content folder's file before the first publication).
        JsonElement? source = null;
        if (rules.SourceText(ruleSet) is { } text)
        {
            using var parsed = JsonDocument.Parse(text);
            source = parsed.RootElement.Clone();
        }

        return TypedResults.Ok(new RuleSetModel(Summary(ruleSet), ruleSet.ParameterNames(), source));
    }

    private static RuleSetSummary Summary(RuleSet ruleSet) => new(ruleSet.Name, ruleSet.Version, ruleSet.ValidFrom, ruleSet.ValidTo,
        ruleSet.Supersedes, ruleSet.LegalBasis is { } basis ? new LegalBasisModel(basis.Text, basis.Link) : null);
}

public sealed record RuleSetSummary(string Name, int Version, DateOnly? ValidFrom, DateOnly? ValidTo, int? Supersedes, LegalBasisModel? LegalBasis);

public sealed record LegalBasisModel(string Text, string? Link);

/// <summary>A rule-set version: its summary, the dated parameters it reads, and the JSON file it was loaded from (which may hold more than it).</summary>
public sealed record RuleSetModel(RuleSetSummary RuleSet, IReadOnlyList<string> Parameters, JsonElement? Source);
