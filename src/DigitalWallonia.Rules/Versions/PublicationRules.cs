using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules;

/// <summary>
/// What a version needs beyond being valid to be published: a legal basis on the set and on every dated parameter value,
/// a start (ValidFrom) or the version it corrects (Supersedes), and an expectation in every test. Positions point at the
/// node that lacks it.
/// </summary>
public static class PublicationRules
{
    public static IReadOnlyList<Diagnostic> Check(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var problems = new List<Diagnostic>();
        var (line, column) = ruleSet.Node?.Position ?? (0, 0);
        if (ruleSet.LegalBasis is null)
        {
            problems.Add(new Diagnostic(M.MissingLegalBasis, M.Format(M.MissingLegalBasisText, $"rule set '{ruleSet.Name}'"), line, column)
            {
                File = ruleSet.SourcePath,
                Path = "LegalBasis",
            });
        }

        if (ruleSet.ValidFrom is null && ruleSet.Supersedes is null)
        {
            problems.Add(new Diagnostic(M.MissingValidity, M.Format(M.MissingValidityText, ruleSet.Name, ruleSet.Version), line, column)
            {
                File = ruleSet.SourcePath,
                Path = "ValidFrom",
            });
        }

        var parameters = ruleSet.Node?.Get("Parameters")?.Items ?? [];
        for (var i = 0; i < parameters.Count; i++)
        {
            var name = parameters[i].Get("Name")?.AsString() ?? $"parameter {i + 1}";
            var values = parameters[i].Get("Values")?.Items ?? [];
            for (var j = 0; j < values.Count; j++)
            {
                if (values[j].Get("LegalBasis") is null or { IsNull: true })
                {
                    var (l, c) = values[j].Position;
                    var from = values[j].Get("ValidFrom")?.AsString();
                    problems.Add(new Diagnostic(M.MissingLegalBasis, M.Format(M.MissingLegalBasisText, $"the value of '{name}' from {from}"), l, c)
                    {
                        File = ruleSet.SourcePath,
                        RuleName = name,
                        Path = $"Parameters[{i}].Values[{j}].LegalBasis",
                    });
                }
            }
        }

        var tests = ruleSet.Node?.Get("Tests")?.Items ?? [];
        for (var i = 0; i < tests.Count; i++)
        {
            if (tests[i].Get("Expect") is null && tests[i].Get("ExpectOutputs") is null)
            {
                var (l, c) = tests[i].Position;
                var name = tests[i].Get("Name")?.AsString() ?? $"{i + 1}";
                problems.Add(new Diagnostic(M.TestWithoutExpectation, M.Format(M.TestWithoutExpectationText, name), l, c)
                {
                    File = ruleSet.SourcePath,
                    Path = $"Tests[{i}]",
                });
            }
        }

        return problems;
    }

    /// <summary>Where <paramref name="property"/> of the set is written (the set's own position when absent).</summary>
    public static (int Line, int Column) PositionOf(RuleSet ruleSet, string property)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.Node?.Get(property)?.Position ?? ruleSet.Node?.Position ?? (0, 0);
    }
}
