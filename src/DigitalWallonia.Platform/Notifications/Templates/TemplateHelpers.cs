using HandlebarsDotNet;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// The helpers templates may call, each taking one argument: <c>{{date x}}</c> (a date or instant),
/// <c>{{money x}}</c> (an amount in EUR), <c>{{number x}}</c>, <c>{{percent x}}</c> (a fraction: 0.5 is 50 %). The checker knows their argument types; the renderer
/// registers them per language. A value that cannot be read prints as it is rather than failing the message.
/// </summary>
internal static class TemplateHelpers
{
    private static readonly Dictionary<string, ModelKind[]> Accepts = new(StringComparer.Ordinal)
    {
        ["date"] = [ModelKind.Date],
        ["money"] = [ModelKind.Money, ModelKind.Number],
        ["number"] = [ModelKind.Number, ModelKind.Money],
        ["percent"] = [ModelKind.Number],
    };

    /// <summary>Block helpers built into Handlebars that our checker understands.</summary>
    public static readonly IReadOnlySet<string> Blocks = new HashSet<string>(["if", "unless", "each", "with"], StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. Accepts.Keys];

    public static bool TryGetAccepted(string name, out ModelKind[] kinds) => Accepts.TryGetValue(name, out kinds!);

    public static string ExpectedText(string name) => name switch
    {
        "date" => "a date",
        "percent" => "a number",
        _ => "an amount or a number",
    };

    public static void Register(IHandlebars handlebars, string language)
    {
        handlebars.RegisterHelper("date", (_, arguments) =>
            arguments.Length == 1 && LocalFormats.TryReadDate(arguments[0], out var date)
                ? LocalFormats.Date(date, language)
                : arguments.Length > 0 ? arguments[0] : null);
        handlebars.RegisterHelper("money", (_, arguments) =>
            arguments.Length == 1 && LocalFormats.TryReadDecimal(arguments[0], out var amount)
                ? LocalFormats.Money(amount, language)
                : arguments.Length > 0 ? arguments[0] : null);
        handlebars.RegisterHelper("number", (_, arguments) =>
            arguments.Length == 1 && LocalFormats.TryReadDecimal(arguments[0], out var value)
                ? LocalFormats.Number(value, language)
                : arguments.Length > 0 ? arguments[0] : null);
        handlebars.RegisterHelper("percent", (_, arguments) =>
            arguments.Length == 1 && LocalFormats.TryReadDecimal(arguments[0], out var fraction)
                ? LocalFormats.Percent(fraction, language)
                : arguments.Length > 0 ? arguments[0] : null);
    }
}
