namespace DigitalWallonia.Platform.Parties;

/// <summary>
/// The check shared by enterprise and establishment unit numbers of the Crossroads Bank for Enterprises
/// (BCE/KBO): ten digits whose last two equal 97 minus the first eight modulo 97.
/// </summary>
internal static class BelgianCompanyNumber
{
    /// <summary>
    /// Reduces <paramref name="input"/> to its ten digits, or says what is wrong with it.
    /// Spaces, dots, hyphens and a leading "BE" (any case) are ignored; nine digits are a legacy number padded with a 0.
    /// </summary>
    public static bool TryNormalise(string? input, string kind, Func<char, bool> validFirstDigit, string firstDigitRule,
        out string digits, out string error)
    {
        digits = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            error = $"The {kind} is empty.";
            return false;
        }

        var text = input.Trim();
        if (text.StartsWith("BE", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        var buffer = new System.Text.StringBuilder(10);
        foreach (var c in text)
        {
            if (c is ' ' or '.' or '-' or '\u00A0')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                error = $"The {kind} '{input}' contains '{c}'; only digits, spaces, dots and a BE prefix are allowed.";
                return false;
            }

            buffer.Append(c);
        }

        if (buffer.Length == 9)
        {
            buffer.Insert(0, '0');
        }

        if (buffer.Length != 10)
        {
            error = $"The {kind} '{input}' has {buffer.Length} digits; expected 10 (or 9 for a legacy number).";
            return false;
        }

        var candidate = buffer.ToString();
        if (!validFirstDigit(candidate[0]))
        {
            error = $"The {kind} '{input}' starts with {candidate[0]}; {firstDigitRule}.";
            return false;
        }

        var body = long.Parse(candidate.AsSpan(0, 8), System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(candidate.AsSpan(8, 2), System.Globalization.CultureInfo.InvariantCulture);
        var expected = 97 - (int)(body % 97);
        if (check != expected)
        {
            error = $"The {kind} '{input}' has check digits {check:00}; for {candidate[..8]} they must be {expected:00}.";
            return false;
        }

        digits = candidate;
        error = "";
        return true;
    }

    /// <summary>Formats ten digits the way the BCE publishes them: 0123.456.749.</summary>
    public static string Format(string digits) => $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
}
