namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// A text per culture (<c>fr</c>, <c>de</c>, <c>nl</c>, <c>en</c>). French is the reference: the validator requires it
/// and <see cref="Get"/> falls back to it.
/// </summary>
public sealed record LocalizedText
{
    /// <summary>The cultures a definition may use.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["fr", "de", "nl", "en"];

    public LocalizedText(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public static LocalizedText Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>A French-only text, handy in tests and code-built definitions.</summary>
    public static LocalizedText French(string text) => new(new Dictionary<string, string> { ["fr"] = text });

    /// <summary>The text in <paramref name="culture"/>, else French, else any text, else the empty string.</summary>
    public string Get(string culture) =>
        Values.TryGetValue(culture, out var text) ? text
        : Values.TryGetValue("fr", out var fr) ? fr
        : Values.Values.FirstOrDefault() ?? string.Empty;
}
