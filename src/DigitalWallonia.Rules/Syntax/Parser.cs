using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Syntax;

/// <summary>
/// Recursive-descent parser, one method per precedence level from loosest to tightest. It never throws on user input:
/// a missing piece becomes a <see cref="SyntaxNode.Missing"/> node with a diagnostic, and parsing goes on.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deepest nesting accepted. Deeper input is refused so that parsing, checking and running stay bounded.</summary>
    public const int MaxDepth = 64;

    /// <summary>Longest expression accepted, in characters.</summary>
    public const int MaxExpressionLength = 20_000;

    private readonly List<Token> _tokens;
    private readonly DiagnosticBag _diagnostics;
    private int _index;
    private int _depth;
    private bool _tooDeep;

    private Parser(List<Token> tokens, DiagnosticBag diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    public static SyntaxNode Parse(string text, DiagnosticBag diagnostics)
    {
        if (text.Length > MaxExpressionLength)
        {
            diagnostics.Add(M.ExpressionTooLong, M.Format(M.ExpressionTooLongText, text.Length, MaxExpressionLength), 0, 0);
            return new SyntaxNode.Missing(0);
        }

        var parser = new Parser(Lexer.Tokenize(text, diagnostics), diagnostics);
        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End && !parser._tooDeep)
        {
            var t = parser.Current;
            diagnostics.Add(M.TrailingText, M.Format(t.Kind == TokenKind.Arrow ? M.LambdaNotAllowedText : M.TrailingTextText, t.Text), t.Start, t.Text.Length);
        }

        return node;
    }

    private Token Current => _tokens[_index];

    private Token Peek(int n = 1) => _tokens[Math.Min(_index + n, _tokens.Count - 1)];

    private Token Advance()
    {
        var t = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return t;
    }

    private int PreviousEnd => _index > 0 ? _tokens[_index - 1].End : 0;

    private bool Expect(TokenKind kind)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }

        var t = Current;
        var message = t.Kind == TokenKind.End
            ? M.Format(M.ExpectedTokenText, SyntaxFacts.Text(kind))
            : M.Format(M.ExpectedTokenFoundText, SyntaxFacts.Text(kind), t.Text);
        // At the end of the text, point just after the last token: that is where the author forgot something.
        _diagnostics.Add(M.ExpectedToken, message, t.Kind == TokenKind.End ? PreviousEnd : t.Start, 0);
        return false;
    }

    private SyntaxNode Span(int start, Func<int, int, SyntaxNode> make) => make(start, Math.Max(0, PreviousEnd - start));

    // expression: conditional. Depth is counted here and in unary, the two places recursion re-enters.
    private SyntaxNode ParseExpression()
    {
        if (!Enter())
        {
            return new SyntaxNode.Missing(Current.Start);
        }

        try
        {
            return ParseConditional();
        }
        finally
        {
            _depth--;
        }
    }

    private bool Enter()
    {
        _depth++;
        if (_depth <= MaxDepth)
        {
            return true;
        }

        if (!_tooDeep)
        {
            _tooDeep = true;
            _diagnostics.Add(M.NestingTooDeep, M.Format(M.NestingTooDeepText, MaxDepth), Current.Start, 0);
        }

        // Skip everything: nothing more useful can be said about an absurdly nested text.
        _index = _tokens.Count - 1;
        _depth--;
        return false;
    }

    // cond ? a : b
    private SyntaxNode ParseConditional()
    {
        var start = Current.Start;
        var condition = ParseCoalesce();
        if (Current.Kind != TokenKind.Question)
        {
            return condition;
        }

        Advance();
        var whenTrue = ParseExpression();
        Expect(TokenKind.Colon);
        var whenFalse = ParseExpression();
        return Span(start, (s, l) => new SyntaxNode.Conditional(s, l, condition, whenTrue, whenFalse));
    }

    // a ?? b (right-associative)
    private SyntaxNode ParseCoalesce()
    {
        var start = Current.Start;
        var left = ParseOr();
        if (Current.Kind != TokenKind.QuestionQuestion)
        {
            return left;
        }

        var opStart = Advance().Start;
        var right = ParseExpressionAtCoalesce();
        return Span(start, (s, l) => new SyntaxNode.Binary(s, l, BinaryOperator.Coalesce, left, right, opStart));
    }

    private SyntaxNode ParseExpressionAtCoalesce()
    {
        if (!Enter())
        {
            return new SyntaxNode.Missing(Current.Start);
        }

        try
        {
            return ParseCoalesce();
        }
        finally
        {
            _depth--;
        }
    }

    // a || b, a or b
    private SyntaxNode ParseOr()
    {
        var start = Current.Start;
        var left = ParseAnd();
        while (Current.Kind == TokenKind.BarBar || Current.IsWord("or"))
        {
            var opStart = Advance().Start;
            var right = ParseAnd();
            var l0 = left;
            left = Span(start, (s, l) => new SyntaxNode.Binary(s, l, BinaryOperator.Or, l0, right, opStart));
        }

        return left;
    }

    // a && b, a and b
    private SyntaxNode ParseAnd()
    {
        var start = Current.Start;
        var left = ParseIn();
        while (Current.Kind == TokenKind.AmpAmp || Current.IsWord("and"))
        {
            var opStart = Advance().Start;
            var right = ParseIn();
            var l0 = left;
            left = Span(start, (s, l) => new SyntaxNode.Binary(s, l, BinaryOperator.And, l0, right, opStart));
        }

        return left;
    }

    // value in (a, b, c)
    private SyntaxNode ParseIn()
    {
        var start = Current.Start;
        var value = ParseComparison();
        if (!Current.IsWord("in"))
        {
            return value;
        }

        Advance();
        var items = new List<SyntaxNode>();
        if (Expect(TokenKind.OpenParen))
        {
            ParseList(items, TokenKind.CloseParen);
            Expect(TokenKind.CloseParen);
        }

        return Span(start, (s, l) => new SyntaxNode.In(s, l, value, items));
    }

    // == = != <> < <= > >=
    private SyntaxNode ParseComparison()
    {
        var start = Current.Start;
        var left = ParseAdditive();
        while (true)
        {
            BinaryOperator? op = Current.Kind switch
            {
                TokenKind.EqualEqual or TokenKind.Equal => BinaryOperator.Equal,
                TokenKind.BangEqual or TokenKind.LessGreater => BinaryOperator.NotEqual,
                TokenKind.Less => BinaryOperator.Less,
                TokenKind.LessEqual => BinaryOperator.LessOrEqual,
                TokenKind.Greater => BinaryOperator.Greater,
                TokenKind.GreaterEqual => BinaryOperator.GreaterOrEqual,
                _ => null,
            };
            if (op is null)
            {
                return left;
            }

            var opStart = Advance().Start;
            var right = ParseAdditive();
            var l0 = left;
            left = Span(start, (s, l) => new SyntaxNode.Binary(s, l, op.Value, l0, right, opStart));
        }
    }

    // + -
    private SyntaxNode ParseAdditive()
    {
        var start = Current.Start;
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            var opStart = Advance().Start;
            var right = ParseMultiplicative();
            var l0 = left;
            left = Span(start, (s, l) => new SyntaxNode.Binary(s, l, op, l0, right, opStart));
        }

        return left;
    }

    // * / %
    private SyntaxNode ParseMultiplicative()
    {
        var start = Current.Start;
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Current.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            var opStart = Advance().Start;
            var right = ParseUnary();
            var l0 = left;
            left = Span(start, (s, l) => new SyntaxNode.Binary(s, l, op, l0, right, opStart));
        }

        return left;
    }

    // ! not - +
    private SyntaxNode ParseUnary()
    {
        var start = Current.Start;
        UnaryOperator? op = null;
        if (Current.Kind == TokenKind.Bang || (Current.IsWord("not") && Peek().Kind != TokenKind.End))
        {
            op = UnaryOperator.Not;
        }
        else if (Current.Kind == TokenKind.Minus)
        {
            op = UnaryOperator.Negate;
        }
        else if (Current.Kind == TokenKind.Plus)
        {
            op = UnaryOperator.Plus;
        }

        if (op is null)
        {
            return ParsePostfix();
        }

        Advance();
        if (!Enter())
        {
            return new SyntaxNode.Missing(Current.Start);
        }

        try
        {
            // Fold a minus sign into a number literal so that long.MinValue-style literals keep their exact value.
            var operand = ParseUnary();
            if (op == UnaryOperator.Negate && operand is SyntaxNode.Literal { Value: long v } && operand.Start == start + 1)
            {
                return Span(start, (s, l) => new SyntaxNode.Literal(s, l, -v));
            }

            if (op == UnaryOperator.Negate && operand is SyntaxNode.Literal { Value: decimal d } && operand.Start == start + 1)
            {
                return Span(start, (s, l) => new SyntaxNode.Literal(s, l, -d));
            }

            return Span(start, (s, l) => new SyntaxNode.Unary(s, l, op.Value, operand));
        }
        finally
        {
            _depth--;
        }
    }

    // primary followed by .Member, .Method(args), [index]
    private SyntaxNode ParsePostfix()
    {
        var start = Current.Start;
        var node = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                if (Current.Kind != TokenKind.Identifier)
                {
                    Expect(TokenKind.Identifier);
                    return node;
                }

                var name = Advance();
                if (Current.Kind == TokenKind.OpenParen)
                {
                    var args = ParseArguments();
                    var target = node;
                    node = Span(start, (s, l) => new SyntaxNode.Call(s, l, target, name.Text, name.Start, args));
                }
                else
                {
                    var target = node;
                    node = Span(start, (s, l) => new SyntaxNode.Member(s, l, target, name.Text, name.Start));
                }
            }
            else if (Current.Kind == TokenKind.OpenBracket)
            {
                Advance();
                var index = ParseExpression();
                Expect(TokenKind.CloseBracket);
                var target = node;
                node = Span(start, (s, l) => new SyntaxNode.Index(s, l, target, index));
            }
            else
            {
                return node;
            }
        }
    }
}
