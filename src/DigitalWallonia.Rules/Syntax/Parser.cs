using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Syntax;

/// <summary>
/// Recursive-descent parser, one method per precedence level from loosest to tightest. It never throws on user input:
/// a missing piece becomes a <see cref="SyntaxNode.Missing"/> node with a diagnostic, and parsing goes on.
/// </summary>
internal sealed class Parser
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

    private List<SyntaxNode> ParseArguments()
    {
        var args = new List<SyntaxNode>();
        Expect(TokenKind.OpenParen);
        ParseList(args, TokenKind.CloseParen);
        Expect(TokenKind.CloseParen);
        return args;
    }

    private void ParseList(List<SyntaxNode> items, TokenKind close)
    {
        if (Current.Kind == close)
        {
            return;
        }

        while (true)
        {
            items.Add(ParseArgument());
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            return;
        }
    }

    // x => body, or an ordinary expression
    private SyntaxNode ParseArgument()
    {
        if (Current.Kind == TokenKind.Identifier && Peek().Kind == TokenKind.Arrow)
        {
            var start = Current.Start;
            var name = Advance().Text;
            Advance();
            var body = ParseExpression();
            return Span(start, (s, l) => new SyntaxNode.Lambda(s, l, name, body));
        }

        return ParseExpression();
    }

    // literals, names, calls, (expr), new
    private SyntaxNode ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Integer:
            case TokenKind.Real:
            case TokenKind.String:
                Advance();
                return new SyntaxNode.Literal(t.Start, t.Text.Length, t.Value);
            case TokenKind.OpenParen:
            {
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.CloseParen);
                return inner;
            }

            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.Arrow:
                _diagnostics.Add(M.LambdaNotAllowed, M.LambdaNotAllowedText, t.Start, t.Text.Length);
                Advance();
                return new SyntaxNode.Missing(t.Start);
            default:
                var message = t.Kind == TokenKind.End
                    ? M.Format(M.ExpectedExpressionText, "end of expression")
                    : M.Format(M.ExpectedExpressionText, t.Text);
                _diagnostics.Add(M.ExpectedExpression, message, t.Kind == TokenKind.End ? PreviousEnd : t.Start, t.Text.Length);
                // Closers are left for the enclosing construct to match; anything else is skipped so parsing progresses.
                if (t.Kind is not (TokenKind.End or TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace or TokenKind.Comma or TokenKind.Colon))
                {
                    Advance();
                }

                return new SyntaxNode.Missing(t.Start);
        }
    }

    private SyntaxNode ParseIdentifier()
    {
        var t = Advance();
        var word = t.Text.ToLowerInvariant();
        switch (word)
        {
            case "true":
                return new SyntaxNode.Literal(t.Start, t.Text.Length, true);
            case "false":
                return new SyntaxNode.Literal(t.Start, t.Text.Length, false);
            case "null":
                return new SyntaxNode.Literal(t.Start, t.Text.Length, null);
            case "new":
                return ParseNew(t);
        }

        if (Current.Kind == TokenKind.OpenParen)
        {
            var args = ParseArguments();
            if (word == "iif" && args.Count == 3)
            {
                return Span(t.Start, (s, l) => new SyntaxNode.Conditional(s, l, args[0], args[1], args[2]));
            }

            return Span(t.Start, (s, l) => new SyntaxNode.Call(s, l, null, t.Text, t.Start, args));
        }

        return new SyntaxNode.Name(t.Start, t.Text.Length, t.Text);
    }

    // new[] { a, b } | new (a as A, b as B) | anything else is refused
    private SyntaxNode ParseNew(Token newToken)
    {
        var start = newToken.Start;
        if (Current.Kind == TokenKind.OpenBracket && Peek().Kind == TokenKind.CloseBracket)
        {
            Advance();
            Advance();
            var items = new List<SyntaxNode>();
            if (Expect(TokenKind.OpenBrace))
            {
                ParseList(items, TokenKind.CloseBrace);
                Expect(TokenKind.CloseBrace);
            }

            return Span(start, (s, l) => new SyntaxNode.ListLiteral(s, l, items));
        }

        if (Current.Kind == TokenKind.OpenParen)
        {
            Advance();
            var members = new List<(string, SyntaxNode)>();
            while (Current.Kind != TokenKind.CloseParen && Current.Kind != TokenKind.End)
            {
                var before = _index;
                var value = ParseExpression();
                string? name = null;
                if (Current.IsWord("as"))
                {
                    Advance();
                    if (Current.Kind == TokenKind.Identifier)
                    {
                        name = Advance().Text;
                    }
                    else
                    {
                        Expect(TokenKind.Identifier);
                    }
                }
                else if (value is SyntaxNode.Member m)
                {
                    name = m.MemberName;
                }
                else if (value is SyntaxNode.Name n)
                {
                    name = n.Identifier;
                }
                else
                {
                    _diagnostics.Add(M.ExpectedToken, M.Format(M.ExpectedTokenText, "as Name"), PreviousEnd, 0);
                }

                members.Add((name ?? "_", value));
                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                }
                else if (Current.Kind != TokenKind.CloseParen || _index == before)
                {
                    break;
                }
            }

            Expect(TokenKind.CloseParen);
            return Span(start, (s, l) => new SyntaxNode.NewObject(s, l, members));
        }

        // new Foo(...), new System.IO.FileInfo(...): skip the type name and its arguments, report once.
        _diagnostics.Add(M.ObjectCreationNotAllowed, M.ObjectCreationText, start, newToken.Text.Length);
        while (Current.Kind is TokenKind.Identifier or TokenKind.Dot)
        {
            Advance();
        }

        if (Current.Kind == TokenKind.OpenParen)
        {
            ParseArguments();
        }

        return new SyntaxNode.Missing(start);
    }
}
