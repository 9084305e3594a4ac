using System.Linq.Expressions;
using System.Text;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Syntax;

namespace DigitalWallonia.Rules.Tests;

/// <summary>
/// Random and mutated expressions through the lexer, parser and checker; every one that checks is compiled by
/// <see cref="ChunkEmitter"/> (half of them in the explaining variant) and run, a quarter of them also by
/// System.Linq.Expressions' compiler: both must give the same outcome, and nothing may throw except the documented
/// runtime errors. Longer run (1M expressions):
/// <c>DW_FUZZ_COUNT=1000000 dotnet test tests/DigitalWallonia.Rules.Tests --filter FuzzTests</c>.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Vocabulary =
    [
        "c", "c.n", "c.d", "c.s", "c.b", "c.dt", "c.items", "x", "it", "a", "today", "params.p", "1", "0", "-1", "2.5", "0.1m",
        "\"a\"", "'b'", "\"\"", "true", "false", "null", "(", ")", "[", "]", "{", "}", ".", ",", "?", ":", "??", "!", "!=", "==",
        "=", "<>", "<", "<=", ">", ">=", "&&", "||", "and", "or", "not", "+", "-", "*", "/", "%", "=>", "in", "new", "new[]",
        "as", "iif", "np", "Any", "All", "Count", "Sum", "Where", "Select", "First", "FirstOrDefault", "OrderBy", "Take",
        "Contains", "StartsWith", "Substring", "ToUpper", "Length", "Math.Round", "Math.Max", "DateTime.Parse", "date",
        "DateTime", "AddDays", "Year", "TotalDays", "GetType", "typeof", "System", "string.Equals", "StringComparison.OrdinalIgnoreCase",
        "int.Parse", "\\", "#", "@", "$", "\u00e9", "9999999999999999999999", "1e400",
    ];

    private static readonly string[] Seeds =
    [
        "c.n < 250 && (c.d <= 50000000.5 || c.s == \"WAL\")",
        "c.items.Where(a => a.v > 2).Sum(a => a.v) + c.n <= 300000",
        "!c.s.StartsWith(\"64\") && c.s.CompareTo(\"10\") >= 0",
        "c.items.Any(x => x.k == \"de minimis\" && x.v > 1) ? c.n : 0",
        "DateTime.Parse(c.dt).AddYears(3) > today || date(\"2020-01-01\") < today",
        "c.n in (1, 2, 3) and not c.b or iif(c.b, 1, 2) == 2",
        "Math.Round(c.d * 0.5, 2) == new[] { 1, 2 }.Count()",
        "(c.s ?? \"x\").Substring(0, 1).ToUpper() == \"W\"",
        "c.items.OrderByDescending(o => o.v).Take(2).All(a => a.v < params.p)",
        "c.items.FirstOrDefault(k.Equals(\"x\", StringComparison.OrdinalIgnoreCase)) != null",
        "c.items[0].v / c.n % 3 == -1",
    ];

    private static readonly RType Shape = RType.ObjectOf(
    [
        new("c", RType.ObjectOf(
        [
            new("n", RType.Int), new("d", RType.Decimal), new("s", RType.String), new("b", RType.Bool), new("dt", RType.String),
            new("items", RType.ListOf(RType.ObjectOf([new("v", RType.Int), new("k", RType.String)]))),
        ])),
    ]);

    private static readonly Value[] Input =
    [
        Value.OfRef(new Value[]
        {
            Value.OfLong(12), Value.OfDecimal(2.5m), Value.OfRef("WAL"), Value.OfLong(1), Value.OfRef("2020-02-03"),
            Value.OfRef(new Value[] { Value.OfRef(new Value[] { Value.OfLong(3), Value.OfRef("x") }), Value.OfRef(new Value[] { default, default }) }),
        }),
    ];

    [Fact]
    public void Random_and_mutated_expressions_only_ever_produce_diagnostics()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DW_FUZZ_COUNT"), out var n) ? n : 100_000;
        var random = new Random(20251122);
        var parameters = new Dictionary<string, ScopeVariable> { ["p"] = new("p", RType.Int, ScopeKind.Parameter, 0) };
        var compiled = 0;
        for (var i = 0; i < count; i++)
        {
            var text = (i % 3) switch
            {
                0 => RandomTokens(random),
                1 => Mutate(random, Seeds[random.Next(Seeds.Length)]),
                _ => Mutate(random, Mutate(random, Seeds[random.Next(Seeds.Length)])),
            };
            var bag = new DiagnosticBag();
            var syntax = Parser.Parse(text, bag);
            var binder = new Binder(new BindEnvironment(Shape, [], parameters), bag, trace: i % 2 == 0);
            var body = binder.BindCondition(syntax, out _);
            Assert.All(bag.Items, d => Assert.StartsWith("DW1", d.Code, StringComparison.Ordinal));
            Assert.All(bag.Items, d => Assert.InRange(d.Start, 0, text.Length));
            if (body is not null && !bag.HasErrors)
            {
                compiled++;
                var emitted = ChunkEmitter.TryEmit<bool>([body], binder.Context, Expression.Parameter(typeof(int)));
                Assert.NotNull(emitted);
                var trace = i % 2 == 0 ? binder.TracedNodes.Count : -1;
                var actual = Run(() => emitted(Context(trace), 0));
                if (compiled % 4 == 0)
                {
                    // System.Linq.Expressions' compiler is the reference for the emitter (a quarter of the cases: it is slow).
                    var linq = Expression.Lambda<Func<EvalContext, bool>>(body, binder.Context).Compile();
                    var expected = Run(() => linq(Context(trace)));
                    Assert.True(expected == actual, $"{text}: compiled by System.Linq.Expressions {expected}, emitted {actual}");
                }
            }
        }

        Assert.True(compiled > 0);
    }

    private static EvalContext Context(int trace)
        => new() { Inputs = Input, Params = [Value.OfLong(5)], Today = new DateTime(2025, 1, 1), Trace = trace >= 0 ? new TraceEntry[trace] : null };

    /// <summary>The outcome, or the documented runtime error it raised (they become runtimeError results).</summary>
    private static string Run(Func<bool> rule)
    {
        try
        {
            return rule().ToString();
        }
        catch (Exception e) when (e is RuleRuntimeException or OverflowException or DivideByZeroException)
        {
            return e.GetType().Name;
        }
    }

    private static string RandomTokens(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(1, 25);
        for (var i = 0; i < length; i++)
        {
            sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            if (random.Next(3) > 0)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    private static string Mutate(Random random, string s)
    {
        var sb = new StringBuilder(s);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(sb.Length + 1);
            switch (random.Next(4))
            {
                case 0 when sb.Length > 0 && at < sb.Length:
                    sb.Remove(at, Math.Min(sb.Length - at, random.Next(1, 4)));
                    break;
                case 1:
                    sb.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                    break;
                case 2 when sb.Length > 1 && at < sb.Length - 1:
                    (sb[at], sb[at + 1]) = (sb[at + 1], sb[at]);
                    break;
                default:
                    sb.Insert(at, (char)random.Next(32, 127));
                    break;
            }
        }

        return sb.ToString();
    }
}
