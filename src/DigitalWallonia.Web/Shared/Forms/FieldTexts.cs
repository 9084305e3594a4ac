using System.Globalization;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// A field's hint and error sentences in the current language, from its declaration: what to type, the limits the runtime
/// checks (so nobody learns a limit from a refusal), and each refusal code of <see cref="InputFieldError"/> said for people
/// with the field's label. The texts themselves are in <see cref="Ui"/> ("form.*").
/// </summary>
internal static class FieldTexts
{
    /// <summary>The language code a definition's texts are read in (<c>fr</c>, <c>en</c>).</summary>
    public static string Language => Ui.IsEnglish ? "en" : "fr";

    public static string Text(LocalizedText text) => text.Get(Language);

    public static string? Hint(InputField field)
    {
        var sentences = new List<string>();
        if (field.Help.Values.Count > 0)
        {
            sentences.Add(Text(field.Help));
        }

        switch (field.Type)
        {
            case InputFieldType.Text or InputFieldType.LongText or InputFieldType.Email when field.MaxLength is { } maxLength:
                sentences.Add(Ui.T("form.hint.max-length", maxLength));
                break;
            case InputFieldType.Money:
                sentences.Add(Ui.T("form.hint.money"));
                sentences.AddRange(Range(field, Amount));
                break;
            case InputFieldType.Integer:
                sentences.Add(Ui.T("form.hint.integer"));
                sentences.AddRange(Range(field, Number));
                break;
            case InputFieldType.Decimal:
                sentences.AddRange(Range(field, Number));
                break;
            case InputFieldType.Date:
                sentences.Add(Ui.T("form.hint.date"));
                break;
            case InputFieldType.EnterpriseNumber:
                sentences.Add(Ui.T("form.hint.enterprise-number"));
                break;
            case InputFieldType.Document:
                sentences.Add(Ui.T("form.hint.document", string.Join(", ", field.MediaTypes.Select(MediaTypes.Name)),
                    field.MaxSize is { } maxSize ? Size(maxSize) : "—"));
                break;
            case InputFieldType.List:
                sentences.AddRange(Range(field, Number, "form.hint.items-between", "form.hint.items-at-least", "form.hint.items-at-most"));
                break;
        }

        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }

    /// <summary>The refusal said for people, naming the field by <paramref name="label"/>.</summary>
    public static string Error(InputFieldError error, InputField field, string label)
    {
        var type = field.Type;
        return error.Code switch
        {
            // A document's own parts (evidence.name, evidence.size) are reported on the document: attach one.
            "required" when type == InputFieldType.Document => Ui.T("form.error.attach", label),
            "required" when type is InputFieldType.Boolean or InputFieldType.Choice => Ui.T("form.error.choose", label),
            "required" when type == InputFieldType.List => Ui.T("form.error.list-required", label),
            "required" => Ui.T("form.error.required", label),
            "wrong-type" => type switch
            {
                InputFieldType.Money => Ui.T("form.error.money", label),
                InputFieldType.Integer => Ui.T("form.error.integer", label),
                InputFieldType.Decimal => Ui.T("form.error.number", label),
                InputFieldType.Date => Ui.T("form.error.date", label),
                InputFieldType.Boolean or InputFieldType.Choice => Ui.T("form.error.choose", label),
                _ => Ui.T("form.error.invalid", label),
            },
            "invalid" => type switch
            {
                InputFieldType.Money => Ui.T("form.error.cents", label),
                InputFieldType.EnterpriseNumber => Ui.T("form.error.enterprise-number", label),
                InputFieldType.Email => Ui.T("form.error.email", label),
                InputFieldType.Text => Ui.T("form.error.one-line", label),
                _ => Ui.T("form.error.invalid", label),
            },
            "too-small" when field.Min is { } min => Ui.T("form.error.too-small", label, Format(field, min)),
            "too-large" when field.Max is { } max => Ui.T("form.error.too-large", label, Format(field, max)),
            "too-long" when field.MaxLength is { } maxLength => Ui.T("form.error.too-long", label, maxLength),
            "too-few" when field.Min is { } min => Ui.T("form.error.too-few", label, Number(min)),
            "too-many" when field.Max is { } max => Ui.T("form.error.too-many", label, Number(max)),
            "pattern" => Ui.T("form.error.pattern", label),
            "not-an-option" => Ui.T("form.error.choose", label),
            "media-type" => Ui.T("form.error.media-type", label, string.Join(", ", field.MediaTypes.Select(MediaTypes.Name))),
            "too-big" when field.MaxSize is { } maxSize => Ui.T("form.error.too-big", label, Size(maxSize)),
            "undeclared" => Ui.T("form.error.undeclared", error.Field),
            // A code this page does not know yet: the runtime's own sentence (English) rather than nothing.
            _ => error.Message,
        };
    }

    private static string Format(InputField field, decimal value) => field.Type == InputFieldType.Money ? Amount(value) : Number(value);

    /// <summary>An amount in EUR as the language writes it: 1 250,50 € or €1,250.50.</summary>
    public static string Amount(decimal value) =>
        Ui.IsEnglish
            ? "€" + value.ToString("#,0.00", CultureInfo.InvariantCulture)
            : value.ToString("#,0.00", Ui.French) + " €";

    public static string Number(decimal value) => value.ToString("#,0.##########", CultureInfo.CurrentCulture);

    /// <summary>A size limit in the unit people read: 10 Mo, 500 Ko (binary multiples, as file managers show them).</summary>
    public static string Size(long bytes)
    {
        var (amount, unit) = bytes >= 1 << 20 ? (bytes / (decimal)(1 << 20), "form.unit.mb") : (bytes / 1024m, "form.unit.kb");
        return $"{decimal.Round(amount, 1).ToString("0.#", CultureInfo.CurrentCulture)} {Ui.T(unit)}";
    }

    private static IEnumerable<string> Range(InputField field, Func<decimal, string> format,
        string between = "form.hint.between", string atLeast = "form.hint.at-least", string atMost = "form.hint.at-most")
    {
        // No list has fewer than no items: a minimum of 0 goes without saying.
        var min = field.Type == InputFieldType.List && field.Min == 0 ? null : field.Min;
        return (min, field.Max) switch
        {
            ({ } least, { } max) => [Ui.T(between, format(least), format(max))],
            ({ } least, null) => [Ui.T(atLeast, format(least))],
            (null, { } max) => [Ui.T(atMost, format(max))],
            _ => [],
        };
    }
}
