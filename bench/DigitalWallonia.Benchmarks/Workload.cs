using System.Globalization;
using System.Text;

namespace DigitalWallonia.Benchmarks;

/// <summary>
/// The rule-engine workload of bench/workload (its README and WORKLOAD.md): eligibility-10.json and inputs generated
/// with seed 42 as WORKLOAD.md describes, one JSON string per input. The files are embedded in this assembly, so
/// BenchmarkDotNet's generated project finds them wherever it runs.
/// </summary>
internal static class Workload
{
    public static string RuleSetJson() => Embedded("eligibility-10.json");

    private static string Embedded(string name)
    {
        using var stream = typeof(Workload).Assembly.GetManifestResourceStream("workload/" + name)
            ?? throw new FileNotFoundException("workload file not embedded: " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The 10-rule workflow repeated to <paramref name="count"/> top-level rules, each renamed.</summary>
    public static string LargeRuleSetJson(int count)
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(RuleSetJson())!.AsArray()[0]!.AsObject();
        var rules = doc["Rules"]!.AsArray();
        var all = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; all.Count < count; i++)
        {
            var r = rules[i % rules.Count]!.DeepClone().AsObject();
            r["RuleName"] = $"{(string)r["RuleName"]!}_{i}";
            all.Add(r);
        }

        doc["Rules"] = all;
        doc["WorkflowName"] = "Grant1000";
        return doc.ToJsonString();
    }

    /// <summary>
    /// A fresh set of <paramref name="count"/> rules whose expressions are all different from each other and from any
    /// other <paramref name="salt"/>: the 10 rules repeated, each with a clause that is never true and names its number
    /// (<c>|| company.employees == -N</c>), so no engine can reuse a parse or a compiled delegate. Same outcomes as the
    /// 10 rules. In RulesEngine's format (a list of workflows), named <c>Unique</c>.
    /// </summary>
    public static string UniqueRuleSetJson(int count, int salt)
    {
        var file = System.Text.Json.Nodes.JsonNode.Parse(RuleSetJson())!.AsArray();
        var doc = file[0]!.AsObject();
        var rules = doc["Rules"]!.AsArray();
        var all = new System.Text.Json.Nodes.JsonArray();
        var n = (long)salt * 1_000_000;
        for (var i = 0; all.Count < count; i++)
        {
            var r = rules[i % rules.Count]!.DeepClone().AsObject();
            r["RuleName"] = $"{(string)r["RuleName"]!}_{i}";
            foreach (var leaf in r["Rules"] is System.Text.Json.Nodes.JsonArray children ? children.Select(c => c!.AsObject()) : [r])
            {
                leaf["Expression"] = $"({(string)leaf["Expression"]!}) || company.employees == -{++n}";
            }

            all.Add(r);
        }

        doc["Rules"] = all;
        doc["WorkflowName"] = "Unique";
        return file.ToJsonString();
    }

    public static string[] Inputs(int count, int seed = 42)
    {
        var random = new Random(seed);
        var regions = new[] { "WAL", "BRU", "VLA", "DG" };
        var inputs = new string[count];
        var sb = new StringBuilder(700);
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            var inv = CultureInfo.InvariantCulture;
            sb.Append("{\"company\":{\"name\":\"").Append(random.Next(2) == 0 ? "Forges SRL" : "Acier SA").Append('"');
            sb.Append(",\"employees\":").Append(random.Next(1, 400).ToString(inv));
            sb.Append(",\"turnover\":").Append(random.Next(100_000, 90_000_000).ToString(inv));
            sb.Append(",\"balanceSheet\":").Append(random.Next(100_000, 60_000_000).ToString(inv)).Append(".5");
            sb.Append(",\"naceCode\":\"").Append(random.Next(10, 100).ToString(inv)).Append('.').Append(random.Next(100, 1000).ToString(inv)).Append('"');
            sb.Append(",\"region\":\"").Append(regions[random.Next(regions.Length)]).Append('"');
            var wallonia = random.Next(2) == 0;
            sb.Append(",\"seat\":{\"city\":\"").Append(wallonia ? "Namur" : "Gent").Append("\",\"postalCode\":\"").Append(random.Next(1000, 10000).ToString(inv))
              .Append("\",\"region\":\"").Append(wallonia ? "Wallonie" : "Flandre").Append("\"}");
            sb.Append(",\"foundedOn\":\"").Append(random.Next(1990, 2025).ToString(inv)).Append("-0").Append(random.Next(1, 10).ToString(inv))
              .Append("-1").Append(random.Next(0, 10).ToString(inv)).Append('"');
            sb.Append(",\"isAutonomous\":").Append(random.Next(3) < 2 ? "true" : "false");
            sb.Append(",\"partnerShare\":").Append(Math.Round(random.NextDouble() * 0.5, 4).ToString("0.0###", inv));
            sb.Append(",\"previousAids\":[");
            for (var a = 0; a < 3; a++)
            {
                if (a > 0)
                {
                    sb.Append(',');
                }

                sb.Append("{\"amount\":").Append(random.Next(1000, 150_000).ToString(inv))
                  .Append(",\"grantedOn\":\"").Append(random.Next(2019, 2025).ToString(inv)).Append("-0").Append(random.Next(1, 10).ToString(inv)).Append("-01\"")
                  .Append(",\"scheme\":\"").Append(a % 2 == 0 ? "de minimis" : "GBER").Append("\"}");
            }

            sb.Append("]},\"application\":{\"requestedAmount\":").Append(random.Next(1000, 200_000).ToString(inv)).Append("}}");
            inputs[i] = sb.ToString();
        }

        return inputs;
    }
}
