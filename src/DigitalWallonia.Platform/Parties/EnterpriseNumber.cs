using System.Diagnostics.CodeAnalysis;

namespace DigitalWallonia.Platform.Parties;

/// <summary>
/// A Belgian enterprise number (numéro d'entreprise BCE / ondernemingsnummer KBO), validated and held in its
/// normal form: ten digits, first digit 0 or 1, modulo-97 check. <see cref="ToString"/> gives 0123.456.749.
/// </summary>
public readonly record struct EnterpriseNumber
{
    private EnterpriseNumber(string digits) => Digits = digits;

    /// <summary>The ten digits, as stored.</summary>
    public string Digits { get; }

    /// <summary>Accepts "BE 0123.456.749", "be0123456749", "0123 456 749" or a 9-digit legacy "123456749".</summary>
    public static bool TryParse(string? input, out EnterpriseNumber number, out string error)
    {
        var ok = BelgianCompanyNumber.TryNormalise(input, "enterprise number", c => c is '0' or '1',
            "an enterprise number starts with 0 or 1", out var digits, out error);
        number = ok ? new EnterpriseNumber(digits) : default;
        return ok;
    }

    /// <exception cref="FormatException">The input is not a valid enterprise number; the message says why.</exception>
    public static EnterpriseNumber Parse(string input) =>
        TryParse(input, out var n, out var error) ? n : throw new FormatException(error);

    /// <summary>For values read back from storage, which were normalised when written.</summary>
    internal static EnterpriseNumber FromStorage(string digits) => Parse(digits);

    public override string ToString() => Digits is null ? "" : BelgianCompanyNumber.Format(Digits);

    public static bool IsValid([NotNullWhen(true)] string? input) => TryParse(input, out _, out _);
}
