namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>Edits of a rule-set file's text as an officer would make them (shared with the CLI and browser tests).</summary>
public static class RuleSetSources
{
    /// <summary>The RENTIC amount (rules/rentic/rentic-amount.json) as a version from <paramref name="validFrom"/> with a lower ceiling from then on.</summary>
    public static string LowerCeiling(string source, string validFrom, int ceiling)
    {
        ArgumentNullException.ThrowIfNull(source);
        const string First = "\"ValidFrom\": \"2017-03-01\"";
        var at = source.IndexOf(First, StringComparison.Ordinal);
        var dated = string.Concat(source.AsSpan(0, at), $"\"ValidFrom\": \"{validFrom}\"", source.AsSpan(at + First.Length));
        return dated.Replace("{ \"ValidFrom\": \"2017-03-01\", \"Value\": 50000,",
            $"{{ \"ValidFrom\": \"{validFrom}\", \"Value\": {ceiling}, \"LegalBasis\": {{ \"Text\": \"Arrêté ministériel (test)\" }} }},\n          {{ \"ValidFrom\": \"2017-03-01\", \"Value\": 50000,",
            StringComparison.Ordinal);
    }

    /// <summary>The line (from 1) where <paramref name="text"/> first occurs.</summary>
    public static int LineOf(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source[..source.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }
}
