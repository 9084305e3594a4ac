using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Rules.Tests.Reference;

/// <summary>
/// Seeded generator of RulesEngine workflows and inputs in the subset both engines must agree on
/// (docs/rules-language.md, "Agreement with RulesEngine"): integer and decimal arithmetic whose results are exact in
/// binary floating point (RulesEngine computes reals in double, we in decimal), string equality and ordinal string
/// methods, collection methods with explicit and implicit lambdas, <c>in</c>, <c>?:</c>/<c>iif</c>, <c>np</c> with a
/// default, a member some inputs lack, names in any case, global and local params, nested rules, filled-in error
/// messages and OnSuccess/OnFailure outputs (some of which throw). Left out on purpose: the documented deviations
/// (string ordering, <c>Math.Round</c>'s midpoint rule, null and empty-list typing, decimal division).
/// </summary>
internal sealed class ExpressionGenerator(int seed)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Strings = ["alpha", "beta", "gamma delta", "", "  pad  ", "Alpha"];
    private static readonly string[] Regions = ["WAL", "BRU", "VLA"];
    private static readonly string[] Kinds = ["grant", "loan"];
    private static readonly string[] Tags = ["x", "y", "z"];
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];

    private readonly Random _random = new(seed);

    /// <summary>One input: a JSON object with <c>input1</c> and <c>input2</c>.</summary>
    public string Input()
    {
        var r = _random;
        var items = new JsonArray();
        for (var i = r.Next(1, 4); i > 0; i--)
        {
            items.Add(new JsonObject { ["amount"] = r.Next(0, 1000), ["kind"] = Kinds[r.Next(Kinds.Length)] });
        }

        var input1 = new JsonObject
        {
            ["a"] = r.Next(0, 101),
            ["b"] = r.Next(-50, 51),
            // Always written with a fraction so that both engines read a real number (RulesEngine: double, we: decimal).
            ["c"] = JsonValue.Create(decimal.Parse((r.Next(-400, 401) / 4m).ToString("0.0#", Inv), Inv)),
            ["s"] = Strings[r.Next(Strings.Length)],
            ["region"] = Regions[r.Next(Regions.Length)],
            ["flag"] = r.Next(2) == 0,
            ["items"] = items,
        };
        if (r.Next(10) < 7)
        {
            input1["opt"] = r.Next(0, 11); // absent from 3 inputs in 10: RulesEngine then reads it as null
        }

        return new JsonObject { ["input1"] = input1, ["input2"] = new JsonObject { ["n"] = r.Next(0, 21), ["t"] = Tags[r.Next(Tags.Length)] } }
            .ToJsonString();
    }

    /// <summary>A workflow of <paramref name="count"/> top-level rules named R0, R1...; some nested, some with params and actions.</summary>
    public string Workflow(int count)
    {
        var rules = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            rules.Add(Rule("R" + i.ToString(Inv), nestedAllowed: true));
        }

        var workflow = new JsonObject
        {
            ["WorkflowName"] = "Generated",
            ["GlobalParams"] = new JsonArray(new JsonObject { ["Name"] = "limit", ["Expression"] = "input1.a + 10" }),
            ["Rules"] = rules,
        };
        return workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private JsonObject Rule(string name, bool nestedAllowed)
    {
        var r = _random;
        var rule = new JsonObject
        {
            ["RuleName"] = name,
            ["ErrorMessage"] = "failed " + name + ": a=$(input1.a) s=$(input1.s) region=$(input1.region) n=$(input2.n)",
        };
        if (nestedAllowed && r.Next(12) == 0)
        {
            rule["Operator"] = r.Next(2) == 0 ? "And" : "Or";
            var children = new JsonArray();
            for (var i = r.Next(2, 4); i > 0; i--)
            {
                children.Add(Rule(name + "_" + children.Count.ToString(Inv), nestedAllowed: false));
            }

            rule["Rules"] = children;
            return rule;
        }

        var usesLocal = r.Next(6) == 0;
        if (usesLocal)
        {
            rule["LocalParams"] = new JsonArray(new JsonObject { ["Name"] = "lp", ["Expression"] = Number(1).Text });
        }

        rule["Expression"] = Bool(3, usesLocal);
        var actions = new JsonObject();
        if (r.Next(3) == 0)
        {
            actions["OnSuccess"] = Output(usesLocal);
        }

        if (r.Next(5) == 0)
        {
            actions["OnFailure"] = Output(usesLocal);
        }

        if (actions.Count > 0)
        {
            rule["Actions"] = actions;
        }

        return rule;
    }

    private JsonObject Output(bool usesLocal)
    {
        var expression = _random.Next(10) switch
        {
            0 => "input1.a / (input1.b - input1.b)", // throws: the action's error, not the rule's outcome
            < 5 => Number(2, usesLocal).Text,
            < 8 => Str(1),
            _ => $"new ({Number(1, usesLocal).Text} as amount, {Str(1)} as label)",
        };
        return new JsonObject { ["Name"] = "OutputExpression", ["Context"] = new JsonObject { ["Expression"] = expression } };
    }

    /// <summary>A name as written by a user who does not mind case (RulesEngine's default): usually as declared.</summary>
    private string Cased(string name) => _random.Next(8) switch
    {
        0 => name.ToUpperInvariant(),
        1 => char.ToUpperInvariant(name[0]) + name[1..],
        _ => name,
    };

    private string Member(string input, string member) => Cased(input) + "." + Cased(member);

    private string Bool(int depth, bool usesLocal = false)
    {
        var r = _random;
        var choice = r.Next(depth > 0 ? 20 : 13);
        switch (choice)
        {
            case 0 or 1 or 2:
            {
                var (a, b) = (Number(depth - 1, usesLocal), Number(depth - 1, usesLocal));
                return $"{a.Text} {Comparisons[r.Next(Comparisons.Length)]} {b.Text}";
            }

            case 3:
                return $"{Str(depth - 1)} {(r.Next(2) == 0 ? "==" : "!=")} {Str(depth - 1)}";
            case 4:
                return $"{Str(depth - 1)}.{Cased(new[] { "Contains", "StartsWith", "EndsWith" }[r.Next(3)])}({Literal(Pick(Strings.Concat(["a", "pad", "AL", " "]).ToArray()))})";
            case 5:
                return $"{Str(depth - 1)}.{Cased("Length")} {Comparisons[r.Next(Comparisons.Length)]} {r.Next(0, 12).ToString(Inv)}";
            case 6:
                return Collection();
            case 7:
                return r.Next(2) == 0
                    ? $"{Member("input1", "region")} in ({Literal(Pick(Regions))}, {Literal(Pick(Regions))})"
                    : $"{Member("input1", "a")} in ({r.Next(0, 101)}, {r.Next(0, 101)}, {r.Next(0, 101)})";
            case 8:
                return (r.Next(2) == 0 ? "!" : string.Empty) + Member("input1", "flag");
            case 9:
                return r.Next(3) switch
                {
                    0 => $"{Member("input1", "opt")} == null",
                    1 => $"np({Member("input1", "opt")}, {r.Next(0, 11)}) {Comparisons[r.Next(Comparisons.Length)]} {r.Next(0, 11)}",
                    _ => $"np({Member("input1", "a")}, 0) > {r.Next(0, 101)}",
                };
            case 10:
                return $"{Member("input1", "a")} {Comparisons[r.Next(Comparisons.Length)]} limit";
            case 11:
                return $"{Member("input2", "t")} == {Literal(Pick(Tags))} {(r.Next(2) == 0 ? "AND" : "OR")} {Member("input2", "n")} > {r.Next(0, 21)}";
            case 12:
                return usesLocal ? $"lp {Comparisons[r.Next(Comparisons.Length)]} {Number(0).Text}" : $"{Member("input1", "flag")} == {(r.Next(2) == 0 ? "true" : "false")}";
            case 13 or 14:
                return $"({Bool(depth - 1, usesLocal)}) && ({Bool(depth - 1, usesLocal)})";
            case 15 or 16:
                return $"({Bool(depth - 1, usesLocal)}) || ({Bool(depth - 1, usesLocal)})";
            case 17:
                return $"!({Bool(depth - 1, usesLocal)})";
            case 18:
                return $"({Bool(depth - 1, usesLocal)}) ? ({Bool(depth - 1, usesLocal)}) : ({Bool(depth - 1, usesLocal)})";
            default:
                return $"iif({Bool(depth - 1, usesLocal)}, {Bool(depth - 1, usesLocal)}, {Bool(depth - 1, usesLocal)})";
        }
    }

    private string Collection()
    {
        var r = _random;
        var items = Member("input1", "items");
        var k = r.Next(0, 1000).ToString(Inv);
        var op = Comparisons[r.Next(Comparisons.Length)];
        return r.Next(8) switch
        {
            0 => $"{items}.{Cased("Any")}(x => x.{Cased("amount")} > {k})",
            1 => $"{items}.{Cased("All")}(i => i.{Cased("kind")} == {Literal(Pick(Kinds))})",
            2 => $"{items}.{Cased("Count")}() {op} {r.Next(0, 4)}",
            3 => $"{items}.{Cased("Sum")}(x => x.amount) {op} {r.Next(0, 3000)}",
            4 => $"{items}.{Cased("Where")}(kind == {Literal(Pick(Kinds))}).Count() {op} {r.Next(0, 3)}",
            5 => $"{items}.{Cased("Any")}(amount > {k})",
            6 => $"{items}.{Cased("Max")}(x => x.amount) {op} {k}",
            _ => $"{items}.{Cased("Min")}(x => x.amount) {op} {k}",
        };
    }

    /// <summary>A number expression and whether it is an integer (integer division is only generated on integers).</summary>
    private (string Text, bool IsInt) Number(int depth, bool usesLocal = false)
    {
        var r = _random;
        var choice = r.Next(depth > 0 ? 16 : 7);
        switch (choice)
        {
            case 0:
                return (Member("input1", "a"), true);
            case 1:
                return (Member("input1", "b"), true);
            case 2:
                return (Member("input1", "c"), false);
            case 3:
                return (Member("input2", "n"), true);
            case 4:
                return (r.Next(0, 101).ToString(Inv), true);
            case 5:
                return ((r.Next(-40, 41) / 4m).ToString("0.0#", Inv), false);
            case 6:
                return usesLocal ? ("lp", false) : ($"{Member("input1", "items")}.Count()", true);
            case 7 or 8:
            {
                var (a, b) = (Number(depth - 1, usesLocal), Number(depth - 1, usesLocal));
                return ($"({a.Text} {(r.Next(2) == 0 ? "+" : "-")} {b.Text})", a.IsInt && b.IsInt);
            }

            case 9:
            {
                // Products of quarters stay exact in binary floating point.
                var (a, b) = (Number(depth - 1, usesLocal), Number(0));
                return ($"({a.Text} * {b.Text})", a.IsInt && b.IsInt);
            }

            case 10:
            {
                var a = Number(depth - 1, usesLocal);
                return a.IsInt
                    ? ($"({a.Text} {(r.Next(2) == 0 ? "/" : "%")} {r.Next(1, 10)})", true)
                    : ($"({a.Text} / {(r.Next(2) == 0 ? "2" : "4")})", false);
            }

            case 11:
            {
                var a = Number(depth - 1, usesLocal);
                return ($"Math.Abs({a.Text})", a.IsInt);
            }

            case 12:
            {
                var (a, b) = (Number(depth - 1, usesLocal), Number(depth - 1, usesLocal));
                return ($"Math.{(r.Next(2) == 0 ? "Max" : "Min")}({a.Text}, {b.Text})", a.IsInt && b.IsInt);
            }

            case 13:
            {
                var a = Number(depth - 1, usesLocal);
                return ($"-({a.Text})", a.IsInt);
            }

            case 14:
                return ($"{Member("input1", "items")}.Sum(x => x.{Cased("amount")})", true);
            default:
                return ($"{Str(depth - 1)}.Length", true);
        }
    }

    private string Str(int depth)
    {
        var r = _random;
        return r.Next(depth > 0 ? 8 : 4) switch
        {
            0 => Member("input1", "s"),
            1 => Member("input1", "region"),
            2 => Member("input2", "t"),
            3 => Literal(Pick(Strings.Concat(Regions).ToArray())),
            4 => $"{Str(depth - 1)}.{Cased("ToUpper")}()",
            5 => $"{Str(depth - 1)}.{Cased("ToLower")}()",
            6 => $"{Str(depth - 1)}.{Cased("Trim")}()",
            _ => $"({Str(depth - 1)} + {Literal(Pick(Tags))})",
        };
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static string Literal(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in s)
        {
            sb.Append(ch is '"' or '\\' ? "\\" + ch : ch.ToString());
        }

        return sb.Append('"').ToString();
    }
}
