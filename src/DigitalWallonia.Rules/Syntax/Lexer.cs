using System.Globalization;
using System.Text;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Syntax;

/// <summary>
/// Turns an expression into tokens. Never throws on user input: a bad character becomes an error token and a diagnostic,
/// and scanning continues so the author sees every problem at once.
/// </summary>
internal sealed class Lexer
{
    /// <summary>Longest string or number literal accepted; longer ones are refused so a rule cannot carry a payload.</summary>
    public const int MaxLiteralLength = 4096;

    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;

    private Lexer(string text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public static List<Token> Tokenize(string text, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(text, diagnostics);
        var tokens = new List<Token>(text.Length / 3 + 2);
        while (true)
        {
            var t = lexer.Next();
            if (t.Kind != TokenKind.Error)
            {
                tokens.Add(t);
            }

            if (t.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, string.Empty, _text.Length);
        }

        var start = _pos;
        var c = _text[_pos];
        if (char.IsLetter(c) || c == '_' || c == '@')
        {
            _pos++;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            return new Token(TokenKind.Identifier, _text[start.._pos], start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return ScanNumber(start);
        }

        if (c is '"' or '\'')
        {
            return ScanString(start, c);
        }

        _pos++;
        var next = _pos < _text.Length ? _text[_pos] : '\0';
        switch (c)
        {
            case '(': return Make(TokenKind.OpenParen, start);
            case ')': return Make(TokenKind.CloseParen, start);
            case '[': return Make(TokenKind.OpenBracket, start);
            case ']': return Make(TokenKind.CloseBracket, start);
            case '{': return Make(TokenKind.OpenBrace, start);
            case '}': return Make(TokenKind.CloseBrace, start);
            case '.': return Make(TokenKind.Dot, start);
            case ',': return Make(TokenKind.Comma, start);
            case ':': return Make(TokenKind.Colon, start);
            case '+': return Make(TokenKind.Plus, start);
            case '-': return Make(TokenKind.Minus, start);
            case '*': return Make(TokenKind.Star, start);
            case '/': return Make(TokenKind.Slash, start);
            case '%': return Make(TokenKind.Percent, start);
            case '?': return next == '?' ? Make2(TokenKind.QuestionQuestion, start) : Make(TokenKind.Question, start);
            case '!': return next == '=' ? Make2(TokenKind.BangEqual, start) : Make(TokenKind.Bang, start);
            case '=':
                if (next == '=')
                {
                    return Make2(TokenKind.EqualEqual, start);
                }

                return next == '>' ? Make2(TokenKind.Arrow, start) : Make(TokenKind.Equal, start);
            case '<':
                if (next == '=')
                {
                    return Make2(TokenKind.LessEqual, start);
                }

                return next == '>' ? Make2(TokenKind.LessGreater, start) : Make(TokenKind.Less, start);
            case '>': return next == '=' ? Make2(TokenKind.GreaterEqual, start) : Make(TokenKind.Greater, start);
            case '&':
                if (next == '&')
                {
                    return Make2(TokenKind.AmpAmp, start);
                }

                break;
            case '|':
                if (next == '|')
                {
                    return Make2(TokenKind.BarBar, start);
                }

                break;
        }

        _diagnostics.Add(M.UnexpectedCharacter, M.Format(M.UnexpectedCharacterText, c), start, 1);
        return new Token(TokenKind.Error, c.ToString(), start);
    }

    private Token Make(TokenKind kind, int start) => new(kind, _text.Substring(start, 1), start);

    private Token Make2(TokenKind kind, int start)
    {
        _pos++;
        return new Token(kind, _text.Substring(start, 2), start);
    }

    private Token ScanNumber(int start)
    {
        var isReal = false;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            isReal = true;
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                isReal = true;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        var digitsEnd = _pos;
        var suffix = _pos < _text.Length ? char.ToUpperInvariant(_text[_pos]) : '\0';
        if (suffix is 'M' or 'D' or 'F')
        {
            isReal = true;
            _pos++;
        }
        else if (suffix is 'L' or 'U')
        {
            _pos++;
        }

        var text = _text[start.._pos];
        var digits = _text[start..digitsEnd];
        if (text.Length > 64)
        {
            _diagnostics.Add(M.InvalidNumber, M.Format(M.NumberTooLargeText, Shorten(text)), start, text.Length);
            return new Token(isReal ? TokenKind.Real : TokenKind.Integer, text, start, isReal ? 0m : 0L);
        }

        if (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            text = _text[start.._pos];
            _diagnostics.Add(M.InvalidNumber, M.Format(M.InvalidNumberText, Shorten(text)), start, text.Length);
            return new Token(TokenKind.Integer, text, start, 0L);
        }

        if (!isReal)
        {
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                return new Token(TokenKind.Integer, text, start, l);
            }

            _diagnostics.Add(M.InvalidNumber, M.Format(M.NumberTooLargeText, Shorten(text)), start, text.Length);
            return new Token(TokenKind.Integer, text, start, 0L);
        }

        if (decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new Token(TokenKind.Real, text, start, d);
        }

        _diagnostics.Add(M.InvalidNumber, M.Format(M.NumberTooLargeText, Shorten(text)), start, text.Length);
        return new Token(TokenKind.Real, text, start, 0m);
    }

    private Token ScanString(int start, char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                _diagnostics.Add(M.UnterminatedString, M.Format(M.UnterminatedStringText, quote), start, _pos - start);
                break;
            }

            var c = _text[_pos];
            if (c == quote)
            {
                // Dynamic LINQ writes a quote inside a string by doubling it; accept that too.
                if (_pos + 1 < _text.Length && _text[_pos + 1] == quote)
                {
                    sb.Append(quote);
                    _pos += 2;
                    continue;
                }

                _pos++;
                break;
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var e = _text[_pos + 1];
                var decoded = e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '\\' => '\\',
                    '"' => '"',
                    '\'' => '\'',
                    '0' => '\0',
                    _ => (char?)null,
                };
                if (decoded is null)
                {
                    _diagnostics.Add(M.UnexpectedCharacter, M.Format(M.InvalidEscapeText, e), _pos, 2);
                }
                else
                {
                    sb.Append(decoded.Value);
                }

                _pos += 2;
                continue;
            }

            sb.Append(c);
            _pos++;
        }

        var text = _text[start.._pos];
        if (sb.Length > MaxLiteralLength)
        {
            _diagnostics.Add(M.LiteralTooLong, M.Format(M.LiteralTooLongText, sb.Length, MaxLiteralLength), start, text.Length);
        }

        return new Token(TokenKind.String, text, start, sb.ToString());
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
