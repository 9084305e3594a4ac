namespace DigitalWallonia.Rules.Syntax;

/// <summary>
/// The syntax tree of an expression. Every node knows where it starts and how long it is in the expression text,
/// so the checker can point at the exact sub-expression and the explanation can quote it.
/// The node kinds are nested so the tree reads as one closed set.
/// </summary>
internal abstract record SyntaxNode(int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>A number, string, boolean or null literal. Integers are <see cref="long"/>, reals <see cref="decimal"/>.</summary>
    public sealed record Literal(int Start, int Length, object? Value) : SyntaxNode(Start, Length);

    /// <summary>A bare name: an input, a parameter, a lambda parameter, a type name such as <c>Math</c>.</summary>
    public sealed record Name(int Start, int Length, string Identifier) : SyntaxNode(Start, Length);

    /// <summary><c>target.Member</c>.</summary>
    public sealed record Member(int Start, int Length, SyntaxNode Target, string MemberName, int NameStart) : SyntaxNode(Start, Length);

    /// <summary><c>target.Method(args)</c>, or <c>Function(args)</c> when <see cref="Target"/> is null.</summary>
    public sealed record Call(int Start, int Length, SyntaxNode? Target, string MethodName, int NameStart, IReadOnlyList<SyntaxNode> Arguments)
        : SyntaxNode(Start, Length);

    /// <summary><c>target[index]</c>.</summary>
    public sealed record Index(int Start, int Length, SyntaxNode Target, SyntaxNode Argument) : SyntaxNode(Start, Length);

    public sealed record Unary(int Start, int Length, UnaryOperator Operator, SyntaxNode Operand) : SyntaxNode(Start, Length);

    public sealed record Binary(int Start, int Length, BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right, int OperatorStart)
        : SyntaxNode(Start, Length);

    /// <summary><c>c ? a : b</c> and <c>iif(c, a, b)</c>.</summary>
    public sealed record Conditional(int Start, int Length, SyntaxNode Condition, SyntaxNode WhenTrue, SyntaxNode WhenFalse)
        : SyntaxNode(Start, Length);

    /// <summary><c>x => body</c>; only valid as a collection method argument.</summary>
    public sealed record Lambda(int Start, int Length, string Parameter, SyntaxNode Body) : SyntaxNode(Start, Length);

    /// <summary><c>value in (a, b, c)</c>.</summary>
    public sealed record In(int Start, int Length, SyntaxNode Value, IReadOnlyList<SyntaxNode> Items) : SyntaxNode(Start, Length);

    /// <summary><c>new[] { a, b }</c>.</summary>
    public sealed record ListLiteral(int Start, int Length, IReadOnlyList<SyntaxNode> Items) : SyntaxNode(Start, Length);

    /// <summary><c>new (a as A, b as B)</c>: the output object form.</summary>
    public sealed record NewObject(int Start, int Length, IReadOnlyList<(string Name, SyntaxNode Value)> Members) : SyntaxNode(Start, Length);

    /// <summary>Stands where the parser expected an expression and found none; a diagnostic was already reported.</summary>
    public sealed record Missing(int Start) : SyntaxNode(Start, 0);
}
