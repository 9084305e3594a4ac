using System.Dynamic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using RulesEngine.Models;

namespace DigitalWallonia.Benchmarks;

/// <summary>
/// The same workload given to Microsoft RulesEngine 6.0.1, on its two input paths: from the JSON string through
/// <see cref="ExpandoObject"/>s read by Newtonsoft (its documented JSON path; RulesEngine then types each input from its
/// values), and from typed parameters (C# classes deserialized beforehand).
/// </summary>
internal static class PeerWorkload
{
    private static readonly JsonSerializerOptions TypedOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly ExpandoObjectConverter ExpandoConverter = new();

    public static RulesEngine.RulesEngine Engine(string workflowJson)
        => new([.. JsonConvert.DeserializeObject<List<Workflow>>(workflowJson)!], new ReSettings());

    /// <summary>The JSON path: the input string to RulesEngine's parameters (part of the timed work).</summary>
    public static RuleParameter[] FromJson(string input)
    {
        var root = (IDictionary<string, object?>)JsonConvert.DeserializeObject<ExpandoObject>(input, ExpandoConverter)!;
        return [new RuleParameter("company", root["company"]), new RuleParameter("application", root["application"])];
    }

    /// <summary>The typed path: the input deserialized into classes beforehand (not timed).</summary>
    public static (Company Company, Application Application) Typed(string input)
    {
        var root = JsonNode.Parse(input)!;
        return (root["company"].Deserialize<Company>(TypedOptions)!, root["application"].Deserialize<Application>(TypedOptions)!);
    }

    public static int Run(RulesEngine.RulesEngine engine, string workflow, RuleParameter[] parameters)
        => engine.ExecuteAllRulesAsync(workflow, parameters).AsTask().GetAwaiter().GetResult().Count(r => r.IsSuccess);

    public static int RunTyped(RulesEngine.RulesEngine engine, string workflow, (Company Company, Application Application) input)
        => Run(engine, workflow, [new RuleParameter("company", input.Company), new RuleParameter("application", input.Application)]);

    /// <summary>Time to the first result of a fresh rule set: RulesEngine built from the file's text, then one evaluation.</summary>
    public static int FirstResult(string workflowJson, string workflow, string input)
        => Run(Engine(workflowJson), workflow, FromJson(input));

    // Public mutable classes: RulesEngine's expressions read them through reflection-built expression trees.
#pragma warning disable CA1002, CA2227
    public sealed class Company
    {
        public string Name { get; set; } = string.Empty;

        public long Employees { get; set; }

        public long Turnover { get; set; }

        public double BalanceSheet { get; set; }

        public string NaceCode { get; set; } = string.Empty;

        public string Region { get; set; } = string.Empty;

        public Seat Seat { get; set; } = new();

        public string FoundedOn { get; set; } = string.Empty;

        public bool IsAutonomous { get; set; }

        public double PartnerShare { get; set; }

        public List<Aid> PreviousAids { get; set; } = [];
    }

    public sealed class Seat
    {
        public string City { get; set; } = string.Empty;

        public string PostalCode { get; set; } = string.Empty;

        public string Region { get; set; } = string.Empty;
    }

    public sealed class Aid
    {
        public long Amount { get; set; }

        public string GrantedOn { get; set; } = string.Empty;

        public string Scheme { get; set; } = string.Empty;
    }

    public sealed class Application
    {
        public long RequestedAmount { get; set; }
    }
#pragma warning restore CA1002, CA2227
}
