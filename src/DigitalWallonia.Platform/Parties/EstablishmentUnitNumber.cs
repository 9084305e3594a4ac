namespace DigitalWallonia.Platform.Parties;

/// <summary>
/// A BCE/KBO establishment unit number (numéro d'unité d'établissement): ten digits, first digit 2 to 8,
/// same modulo-97 check as <see cref="EnterpriseNumber"/>. <see cref="ToString"/> gives 2.123.456.789 style.
/// </summary>
public readonly record struct EstablishmentUnitNumber
{
    private EstablishmentUnitNumber(string digits) => Digits = digits;

    public string Digits { get; }

    public static bool TryParse(string? input, out EstablishmentUnitNumber number, out string error)
    {
        var ok = BelgianCompanyNumber.TryNormalise(input, "establishment unit number", c => c is >= '2' and <= '8',
            "an establishment unit number starts with a digit from 2 to 8", out var digits, out error);
        number = ok ? new EstablishmentUnitNumber(digits) : default;
        return ok;
    }

    /// <exception cref="FormatException">The input is not a valid establishment unit number; the message says why.</exception>
    public static EstablishmentUnitNumber Parse(string input) =>
        TryParse(input, out var n, out var error) ? n : throw new FormatException(error);

    public override string ToString() => Digits is null ? "" : $"{Digits[0]}.{Digits[1..4]}.{Digits[4..7]}.{Digits[7..]}";
}
