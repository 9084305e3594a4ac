using System.Linq.Expressions;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Binding;

/// <summary>
/// Writes collection methods as loops inside the rule's own compiled method instead of calling helpers with delegates:
/// no delegate or closure is created per evaluation, and a rule compiles to one method. Every loop runs at most once
/// per list item, so expressions always terminate.
/// </summary>
internal static class LoopBuilder
{
    /// <summary>
    /// <c>for (i = 0; i &lt; list.Length; i++) { item = list[i]; body(i, break) }</c>; <paramref name="list"/> must not be null at run time.
    /// </summary>
    public static Expression ForEach(ParameterExpression list, ParameterExpression item, Func<ParameterExpression, LabelTarget, Expression> body)
        => ForEach(list, item, body, null);

    /// <summary>As the other overload, charging each item to the evaluation's budget (<see cref="Budget.Step"/>) when <paramref name="charge"/> is set.</summary>
    public static Expression ForEach(ParameterExpression list, ParameterExpression item, Func<ParameterExpression, LabelTarget, Expression> body, Expression? charge)
    {
        var i = Expression.Variable(typeof(int), "i");
        var brk = Expression.Label("break");
        return Expression.Block(
            [i],
            Expression.Assign(i, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(i, Expression.ArrayLength(list)),
                    Expression.Block(
                        charge ?? Expression.Empty(),
                        Expression.Assign(item, Expression.ArrayIndex(list, i)),
                        body(i, brk),
                        Expression.PreIncrementAssign(i)),
                    Expression.Break(brk)),
                brk));
    }

    /// <summary><c>list == null ? missing : (prologue; loop; result)</c>, with the list evaluated once.</summary>
    public static Expression WithList(Expression listExpr, Type resultType, Func<ParameterExpression, Expression> whenPresent)
    {
        var list = Expression.Variable(typeof(Value[]), "list");
        return Expression.Block(
            resultType,
            [list],
            Expression.Assign(list, listExpr),
            Expression.Condition(
                Expression.Equal(list, Expression.Constant(null, typeof(Value[]))),
                Expression.Default(resultType),
                whenPresent(list),
                resultType));
    }

    public static Expression IsTrue(Expression nullableBool) => Expression.Equal(nullableBool, Expression.Constant(true, typeof(bool?)));
}
