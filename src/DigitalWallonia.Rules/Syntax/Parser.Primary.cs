using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Syntax;

/// <summary>The tightest level: literals, names, calls, parentheses, argument lists, and the two allowed forms of 'new'.</summary>
internal sealed partial class Parser
{
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
