using System.Globalization;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Charges the work of an expression against <see cref="EvalContext"/>'s allowance (<see cref="EvaluationLimits"/>).
/// Compiled code calls these with the position of the call in the rule file, so the error says where the work was spent.
/// Text is charged before it is built: a doubling concatenation fails before it allocates.
/// </summary>
internal static class Budget
{
    public static void Step(EvalContext ctx, string where)
    {
        if (--ctx.IterationsLeft < 0)
        {
            throw new RuleRuntimeException(string.Create(CultureInfo.InvariantCulture,
                $"the expression visits more than {ctx.Limits.MaxIterations:N0} list items (the engine's MaxIterations), {where}"));
        }
    }

    /// <summary>Charges a whole list at once (Contains and sorting loop inside library code).</summary>
    public static Value[]? Steps(EvalContext ctx, Value[]? list, string where)
    {
        if (list is not null)
        {
            ctx.IterationsLeft -= list.Length;
            if (ctx.IterationsLeft < 0)
            {
                ctx.IterationsLeft = 0;
                Step(ctx, where);
            }
        }

        return list;
    }

    public static string? Concat(EvalContext ctx, object? a, object? b, string where)
    {
        var left = ValueOps.Text(a);
        var right = ValueOps.Text(b);
        Charge(ctx, (long)(left?.Length ?? 0) + (right?.Length ?? 0), where);
        return left + right;
    }

    public static string? Replace(EvalContext ctx, string? s, string? a, string? b, string where)
    {
        if (s is not null && !string.IsNullOrEmpty(a) && b is not null && b.Length > a.Length)
        {
            long count = 0;
            for (var i = s.IndexOf(a, StringComparison.Ordinal); i >= 0; i = s.IndexOf(a, i + a.Length, StringComparison.Ordinal))
            {
                count++;
            }

            Charge(ctx, s.Length + (count * (b.Length - a.Length)), where);
        }

        return Functions.Replace(s, a, b);
    }

    private static void Charge(EvalContext ctx, long characters, string where)
    {
        ctx.TextLeft -= characters;
        if (ctx.TextLeft < 0)
        {
            throw new RuleRuntimeException(string.Create(CultureInfo.InvariantCulture,
                $"the expression builds more than {ctx.Limits.MaxTextCharacters:N0} characters of text (the engine's MaxTextCharacters), {where}"));
        }
    }
}
