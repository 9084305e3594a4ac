namespace DigitalWallonia.Rules.Syntax;

/// <summary>A token: kind, source text, start offset in the expression, and for literals the decoded value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, object? Value = null)
{
    public int End => Start + Text.Length;

    /// <summary>True for an identifier spelled like <paramref name="word"/> in any case (the word operators and, or, not...).</summary>
    public bool IsWord(string word) => Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}
