using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Notifications.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// The technology-voucher notices and decision letters (templates/voucher-*), in French and English, against the model
/// the notification queue really builds: a value a template expects but is never given prints as nothing, and Handlebars
/// does not complain ("facture  de", "invoice  for").
/// </summary>
public partial class VoucherTemplatesTests
{
    private static readonly TemplateCatalogue Catalogue = TemplateFolder.RepositoryCatalogue;
    private static readonly TemplateRenderer Renderer = new(Catalogue, NullLogger<TemplateRenderer>.Instance);
    private static readonly string[] Languages = ["fr", "en"];

    // What NotificationQueue queues for a voucher dossier once the provider has declared the service: DossierFacts'
    // dossier and company, the recipient, the provider party, the dossier's facts under the programme key (submit input,
    // grantedAmount and grantedRate set at the grant, the declare-consumption input, the reason of refuse or
    // reject-consumption) and each open deadline as {kind}DueOn. No other top-level name exists.
    private const string Queued = """
        {
          "dossier": {
            "reference": "VOUCHER-2026-000077", "programme": "voucher", "programmeName": "Chèques technologiques",
            "state": "consumed", "submittedOn": "2026-04-01", "decidedOn": "2026-04-08", "requestedAmount": 12000,
            "url": "https://digitalwallonia.example/Portal/Dossier/VOUCHER-2026-000077"
          },
          "company": { "name": "Ateliers Mosans SRL", "enterpriseNumber": "BE 0456.789.123" },
          "recipient": { "name": "Luc Renard", "email": "luc.renard@example.org", "language": "fr", "role": "applicant", "salutation": "Madame, Monsieur,", "copyOf": "Ateliers Mosans SRL" },
          "provider": { "name": "Centre Numérique Liège ASBL" },
          "voucher": {
            "service": "Mise en place d'un outil de gestion de production",
            "requestedAmount": 12000,
            "grantedAmount": 6000,
            "grantedRate": 0.5,
            "consumption": { "invoiceReference": "2026/0415", "invoicedAmount": 11400, "invoiceDate": "2026-09-15" },
            "reason": "Le montant facturé dépasse le devis accepté."
          },
          "decisionDueOn": "2026-04-08",
          "consumptionDueOn": "2027-04-08"
        }
        """;

    public static TheoryData<string, string, string, TemplateKind> Renderings()
    {
        var data = new TheoryData<string, string, string, TemplateKind>();
        foreach (var model in new[] { "examples", "examples without optional fields", "as queued" })
        {
            foreach (var key in VoucherKeys())
            {
                foreach (var language in Languages)
                {
                    foreach (var kind in Catalogue.KindsOf(key))
                    {
                        data.Add(model, key, language, kind);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void Voucher_model_files_declare_only_what_the_notification_queue_gives()
    {
        var queued = JsonNode.Parse(Queued)!.AsObject();
        var unknown = new List<string>();

        foreach (var key in VoucherKeys())
        {
            unknown.AddRange(NotQueued(Catalogue.Models[key].Root, queued, "").Select(path => $"{key}: {path}"));
        }

        Assert.Equal(12, VoucherKeys().Count);
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Every_voucher_template_prints_every_value_it_is_given(string model, string key, string language, TemplateKind kind)
    {
        var declared = Catalogue.Models[key].Root;
        var values = model switch
        {
            "examples" => Catalogue.Example(key),
            "examples without optional fields" => WithoutOptional(Catalogue.Example(key), declared),
            _ => JsonNode.Parse(Queued)!.AsObject(),
        };

        var rendered = Renderer.Render(key, language, values, kind);

        Assert.Equal(language, rendered.Language); // not the French fallback
        var visible = Visible(rendered);
        var traces = visible.Select(line => EmptyValueTrace().Match(line)).Where(m => m.Success).Select(Around).ToList();
        Assert.Empty(traces);
        var sources = Sources(key, language, kind);
        var missing = Printable(values, declared, "")
            .Where(value => MentionOf(value.Path).IsMatch(sources))
            .Select(value => (value.Path, Text: Formatted(value.Value, value.Kind, language)))
            .Where(value => !visible.Any(line => line.Contains(value.Text, StringComparison.Ordinal)))
            .Select(value => $"{value.Path} = '{value.Text}'")
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("fr", "Facture : 2026/0415 du mardi 15 septembre 2026", "Montant facturé : 11\u202F400,00\u00A0€", "Intervention de la Région : 6\u202F000,00\u00A0€ au maximum")]
    [InlineData("en", "Invoice: 2026/0415 dated Tuesday 15 September 2026", "Amount invoiced: €11,400.00", "Regional contribution: up to €6,000.00")]
    public void The_declared_invoice_and_its_amounts_are_in_the_consumption_notice(string language, string invoice, string invoiced, string granted)
    {
        var rendered = Renderer.Render("voucher-consumed", language, JsonNode.Parse(Queued));

        var lines = rendered.Text!.Split('\n');
        Assert.Contains(invoice, lines);
        Assert.Contains(invoiced, lines);
        Assert.Contains(granted, lines);
    }

    private static List<string> VoucherKeys() =>
        [.. Catalogue.Models.Keys.Where(k => k.StartsWith("voucher-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    // The declared paths the queued model has no value of that kind for.
    private static IEnumerable<string> NotQueued(ModelType type, JsonObject queued, string prefix)
    {
        foreach (var (name, field) in type.Fields)
        {
            var path = prefix + name;
            var value = queued[name];
            if (field.Kind == ModelKind.Object && value is JsonObject inner)
            {
                foreach (var nested in NotQueued(field, inner, path + "."))
                {
                    yield return nested;
                }
            }
            else if (value is null || !IsOfKind(value, field.Kind))
            {
                yield return path;
            }
        }
    }

    private static bool IsOfKind(JsonNode value, ModelKind kind) => (kind, value.GetValueKind()) switch
    {
        (ModelKind.Money or ModelKind.Number, JsonValueKind.Number) => true,
        (ModelKind.Date, JsonValueKind.String) => LocalFormats.TryReadDate(value.GetValue<string>(), out _),
        (ModelKind.String, JsonValueKind.String) => true,
        (ModelKind.Boolean, JsonValueKind.True or JsonValueKind.False) => true,
        (ModelKind.Array, JsonValueKind.Array) => true,
        _ => false,
    };

    private static JsonObject WithoutOptional(JsonObject model, ModelType type)
    {
        foreach (var (name, field) in type.Fields)
        {
            if (field.Optional)
            {
                model.Remove(name);
            }
            else if (field.Kind == ModelKind.Object && model[name] is JsonObject inner)
            {
                WithoutOptional(inner, field);
            }
        }

        return model;
    }

    // The scalar values of the model that its declaration names, with their path and declared kind.
    private static IEnumerable<(string Path, JsonNode Value, ModelKind Kind)> Printable(JsonObject model, ModelType type, string prefix)
    {
        foreach (var (name, field) in type.Fields)
        {
            switch (model[name])
            {
                case JsonObject inner when field.Kind == ModelKind.Object:
                    foreach (var nested in Printable(inner, field, prefix + name + "."))
                    {
                        yield return nested;
                    }

                    break;
                case JsonValue value when field.Kind is not (ModelKind.Object or ModelKind.Array or ModelKind.Boolean):
                    yield return (prefix + name, value, field.Kind);
                    break;
            }
        }
    }

    private static string Formatted(JsonNode value, ModelKind kind, string language) => kind switch
    {
        ModelKind.Money => LocalFormats.Money(value.GetValue<decimal>(), language),
        ModelKind.Number => LocalFormats.Number(value.GetValue<decimal>(), language),
        ModelKind.Date when LocalFormats.TryReadDate(value.GetValue<string>(), out var date) => LocalFormats.Date(date, language),
        _ => value.GetValue<string>(),
    };

    // The template's own files in that language and the partials they include, as the renderer picks them.
    private static string Sources(string key, string language, TemplateKind kind)
    {
        var parts = kind == TemplateKind.Email ? new[] { TemplatePart.Subject, TemplatePart.Html, TemplatePart.Text } : new[] { TemplatePart.Subject, TemplatePart.Letter };
        var texts = parts.Select(p => Catalogue.Part(language, key, p)!.Source.Text).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (Match include in PartialInclude().Matches(texts[i]))
            {
                if (seen.Add(include.Groups[1].Value) && Catalogue.Partial(language, include.Groups[1].Value) is { } partial)
                {
                    texts.Add(partial.Source.Text);
                }
            }
        }

        return string.Join('\n', texts);
    }

    private static Regex MentionOf(string path) => new($@"(?<![\w.@]){Regex.Escape(path)}(?![\w.])");

    // Subject, text part and the text a reader sees in the HTML (head and tags dropped, entities decoded), line by line.
    private static List<string> Visible(RenderedTemplate rendered)
    {
        var html = HeadOrStyle().Replace(rendered.Html, "");
        html = WebUtility.HtmlDecode(Tag().Replace(LineBreak().Replace(html, "\n"), ""));
        return [.. $"{rendered.Subject}\n{rendered.Text}\n{html}".Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
    }

    // Two spaces between words, a space before a comma or a full stop, empty brackets or quotes, a mustache left over,
    // or the "[name]" a model field without an example gets.
    [GeneratedRegex(@"\S {2,}\S| [,.]|\(\s*\)|«\s*»|“\s*”|""\s*""|\{\{|\}\}|\[\w+\]")]
    private static partial Regex EmptyValueTrace();

    // The trace with a little of the line on each side (xUnit shortens long items).
    private static string Around(Match trace)
    {
        var line = trace.Result("$_");
        var start = Math.Max(0, trace.Index - 15);
        return line[start..Math.Min(line.Length, trace.Index + trace.Length + 15)];
    }

    [GeneratedRegex(@"\{\{>\s*([\w-]+)")]
    private static partial Regex PartialInclude();

    [GeneratedRegex(@"<(head|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex HeadOrStyle();

    [GeneratedRegex(@"<br\s*/?>")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
