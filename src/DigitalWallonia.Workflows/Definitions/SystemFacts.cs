namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// The facts the system owns: what the administration decided (granted amounts and rates, instalments), what the aid
/// ledger and the registers know (past aid, cheque caps, labels, accreditations) and what the company register says.
/// A party never writes them: the validator refuses a <c>setFact</c> a party role may take that targets one, and the
/// runtime refuses it too. The one list, read by both and by the documentation.
/// </summary>
public static class SystemFacts
{
    /// <summary>
    /// First path segments that belong to the system: register and ledger facts the platform injects at evaluation
    /// (<c>company</c>, <c>deMinimis</c>, <c>chequeCaps</c>, <c>ledger</c>, <c>provider</c>, <c>expert</c>), the
    /// instalments and decisions the administration records, and <c>input</c>, the name the current action's input has in rules.
    /// </summary>
    public static IReadOnlyList<string> Roots { get; } =
        ["company", "deMinimis", "chequeCaps", "ledger", "provider", "expert", "instalments", "decision", "validUntil", "labelValidUntil", "input"];

    /// <summary>Prefixes of first segments that belong to the system: <c>grantedAmount</c>, <c>grantedRate</c>, <c>grantedOn</c>, ...</summary>
    public static IReadOnlyList<string> RootPrefixes { get; } = ["granted"];

    /// <summary>Suffixes of first segments that belong to the system: the RENTIC instalments (<c>diagnosisInstalment</c>, ...).</summary>
    public static IReadOnlyList<string> RootSuffixes { get; } = ["Instalment"];

    /// <summary>Whether the dossier fact at <paramref name="path"/> (<c>grantedRate</c>, <c>company.naceCodes</c>) is the system's.</summary>
    public static bool Owns(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var root = dot < 0 ? path : path[..dot];
        return Roots.Contains(root, StringComparer.OrdinalIgnoreCase)
            || RootPrefixes.Any(p => root.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || RootSuffixes.Any(p => root.EndsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
