using System.Linq.Expressions;

namespace DigitalWallonia.Rules.Binding;

/// <summary>A checked sub-expression: its type, and the code computing it (null when the type is not known at check time or after an error).</summary>
internal readonly record struct Bound(RType Type, Expression? Expr)
{
    public static readonly Bound Error = new(RType.Unknown, null);
}
