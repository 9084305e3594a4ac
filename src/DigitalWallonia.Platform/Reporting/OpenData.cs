using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// The published values as open data, from the same <see cref="PublicReport"/> the pages show: one row per measure,
/// indicator and period (<c>export.csv</c>, <c>export.json</c>), described by a Frictionless Data Package
/// (<c>datapackage.json</c>, a Table Schema with each column's type and constraints) and catalogued for the Belgian
/// open-data portal's harvester as DCAT-AP in JSON-LD. Numbers are written the invariant way (<c>1234.5</c>), dates ISO 8601.
/// </summary>
public static class OpenData
{
    public const string Name = "digital-wallonia-measure-reporting";

    /// <summary>A column of the export: its name, Table Schema type, whether every row has it, and extra constraints.</summary>
    public sealed record Column(string Name, string Type, bool Required, string Title, string Description, Func<Row, object?> Value)
    {
        public string? Pattern { get; init; }

        public IReadOnlyList<string>? Enum { get; init; }
    }

    /// <summary>One published value with its measure and indicator.</summary>
    public sealed record Row(MeasureProgress Measure, int Theme, IndicatorProgress Indicator, PublishedValue Value);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("measure_id", "string", true, "Mesure", "Identifiant de la mesure du plan (M1 à M50, plus celles ajoutées).", r => r.Measure.Id) { Pattern = "M[0-9]+" },
        new("measure_title", "string", true, "Intitulé de la mesure", "Intitulé tel que le plan l'écrit.", r => r.Measure.Title),
        new("theme", "integer", true, "Thème", "Numéro du thème du plan (1 à 5).", r => r.Theme),
        new("objective", "string", true, "Objectif stratégique", "Code de l'objectif stratégique (1.1).", r => r.Measure.ObjectiveCode),
        new("axis", "string", true, "Axe prioritaire", "Code de l'axe prioritaire (1.1.1).", r => r.Measure.AxisCode),
        new("carrier", "string", true, "Porteur", "Organisation qui porte la mesure et rapporte ses valeurs.", r => r.Measure.Carrier.Name),
        new("indicator_id", "string", true, "Indicateur", "Identifiant de l'indicateur (M13.2).", r => r.Indicator.Key) { Pattern = "M[0-9]+\\.[0-9]+" },
        new("indicator_name", "string", true, "Nom de l'indicateur", "Tel que le plan le formule.", r => r.Indicator.Name),
        new("kind", "string", true, "Nature", "number, percentage, amount, yes-no ou text.", r => IndicatorKinds.Name(r.Indicator.Kind))
            { Enum = ["number", "percentage", "amount", "yes-no", "text"] },
        new("unit", "string", false, "Unité", "Ce que compte un nombre ; % ; EUR.", r => r.Indicator.Unit),
        new("period", "string", true, "Période", "Année (2026) ou trimestre (2026-Q1) de la valeur.", r => r.Value.Period) { Pattern = "[0-9]{4}(-Q[1-4])?" },
        new("value_number", "number", false, "Valeur numérique", "Nombre, pourcentage (12.5 pour 12,5 %) ou montant en EUR.", r => r.Value.Number),
        new("value_boolean", "boolean", false, "Valeur oui/non", "true ou false.", r => r.Value.YesNo),
        new("value_text", "string", false, "Valeur textuelle", "Pour les indicateurs qualitatifs.", r => r.Value.Text),
        new("no_value_reason", "string", false, "Motif d'absence de valeur", "Pourquoi le porteur n'a pas pu donner de valeur.", r => r.Value.NoValueReason),
        new("source", "string", false, "Source", "D'où vient la valeur.", r => r.Value.Source),
        new("comment", "string", false, "Commentaire", "Commentaire du porteur.", r => r.Value.Comment),
        new("baseline", "number", false, "Valeur de départ", "Si elle est connue.", r => r.Indicator.Baseline),
        new("target", "number", false, "Cible", "Si elle est connue ; 1 signifie « oui » pour un indicateur oui/non.", r => r.Indicator.Target),
        new("horizon", "year", false, "Horizon", "Année de la cible.", r => r.Indicator.Horizon),
        new("cycle", "string", true, "Cycle", "Cycle de rapportage qui a publié la valeur.", r => r.Value.Cycle),
        new("published_on", "date", true, "Publié le", "Date de publication du cycle.", r => r.Value.PublishedOn),
    ];

    // Readable files: indented, accents as they are (the values are data, not HTML).
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = JsonSerializerOptions.Default.TypeInfoResolver,
    };

    public static IReadOnlyList<Row> Rows(PublicReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Themes
            .SelectMany(t => t.Objectives.SelectMany(o => o.Measures).Select(m => (Theme: t.Number, Measure: m)))
            .SelectMany(x => x.Measure.Indicators.SelectMany(i => i.History.Select(v => new Row(x.Measure, x.Theme, i, v))))
            .ToList();
    }

    /// <summary>RFC 4180: comma-separated, a header line, fields quoted when they hold a comma, a quote or a line break; CRLF.</summary>
    public static string Csv(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns.Select(c => c.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', Columns.Select(c => Quote(Text(c.Value(row)))))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The same rows as a JSON array of objects, typed (numbers as numbers, booleans as booleans, absent as null).</summary>
    public static string Json(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject();
            foreach (var column in Columns)
            {
                item[column.Name] = column.Value(row) switch
                {
                    null => null,
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    decimal d => JsonValue.Create(Normalise(d)),
                    var v => JsonValue.Create(v),
                };
            }

            array.Add(item);
        }

        return array.ToJsonString(Indented);
    }

    /// <summary>The Frictionless Data Package describing both exports; <paramref name="baseUrl"/> makes their paths absolute.</summary>
    public static string DataPackage(string baseUrl, PublicReport report, string publisher)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = baseUrl.TrimEnd('/');
        var package = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = Name,
            ["title"] = "Digital Wallonia – rapportage des mesures du plan",
            ["description"] = "Valeurs des indicateurs des mesures du plan Digital Wallonia, rapportées par leurs porteurs, validées et publiées par l'Agence du Numérique : une ligne par mesure, indicateur et période.",
            ["homepage"] = $"{root}/reporting",
            ["created"] = report.Cycles.Count == 0 ? null : report.Cycles.Max(c => c.PublishedAt).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = "CC-BY-4.0",
                ["path"] = "https://creativecommons.org/licenses/by/4.0/",
                ["title"] = "Creative Commons Attribution 4.0",
            }),
            ["contributors"] = new JsonArray(new JsonObject { ["title"] = publisher, ["role"] = "publisher" }),
            ["keywords"] = new JsonArray("Digital Wallonia", "numérique", "Wallonie", "indicateurs", "plan"),
            ["resources"] = new JsonArray(
                Resource("measure-indicator-values", $"{root}/reporting/export.csv", "csv", "text/csv", dialect: true),
                Resource("measure-indicator-values-json", $"{root}/reporting/export.json", "json", "application/json", dialect: false)),
        };
        return package.ToJsonString(Indented);
    }

    /// <summary>The Table Schema of the exports: each column's name, type, title, description and constraints, and the primary key.</summary>
    public static JsonObject Schema()
    {
        var fields = new JsonArray();
        foreach (var column in Columns)
        {
            var field = new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["title"] = column.Title,
                ["description"] = column.Description,
            };
            if (column.Type == "boolean")
            {
                field["trueValues"] = new JsonArray("true");
                field["falseValues"] = new JsonArray("false");
            }

            var constraints = new JsonObject();
            if (column.Required)
            {
                constraints["required"] = true;
            }

            if (column.Pattern is { } pattern)
            {
                constraints["pattern"] = pattern;
            }

            if (column.Enum is { } values)
            {
                constraints["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            }

            if (constraints.Count > 0)
            {
                field["constraints"] = constraints;
            }

            fields.Add(field);
        }

        return new JsonObject
        {
            ["fields"] = fields,
            ["primaryKey"] = new JsonArray("measure_id", "indicator_id", "period"),
            ["missingValues"] = new JsonArray(""),
        };
    }

    /// <summary>
    /// The dataset as DCAT-AP 2 in JSON-LD: a catalogue holding one dataset with its CSV, JSON and Data Package
    /// distributions, for the harvester of data.gov.be (or any DCAT-AP harvester).
    /// </summary>
    public static string Dcat(string baseUrl, PublicReport report, string publisher, string? contactEmail, bool quarterly)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = baseUrl.TrimEnd('/');
        var modified = report.Cycles.Count == 0 ? null : report.Cycles.Max(c => c.PublishedAt).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        const string Eu = "http://publications.europa.eu/resource/authority/";
        var dataset = new JsonObject
        {
            ["@id"] = $"{root}/reporting#dataset",
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = Name,
            ["dct:title"] = Texts("Digital Wallonia – rapportage des mesures du plan", "Digital Wallonia – reporting on the plan's measures"),
            ["dct:description"] = Texts(
                "Valeurs des indicateurs des 50 mesures du plan Digital Wallonia, rapportées par leurs porteurs, validées et publiées par l'Agence du Numérique.",
                "Values of the indicators of the Digital Wallonia plan's 50 measures, reported by their carriers, validated and published by the digital agency."),
            ["dcat:keyword"] = new JsonArray(Text("fr", "numérique"), Text("fr", "Wallonie"), Text("fr", "indicateurs"), Text("en", "digital"), Text("en", "indicators")),
            ["dcat:theme"] = new JsonArray(Ref($"{Eu}data-theme/GOVE"), Ref($"{Eu}data-theme/ECON")),
            ["dct:language"] = Ref($"{Eu}language/FRA"),
            ["dct:spatial"] = Ref($"{Eu}country/BEL"),
            ["dct:accrualPeriodicity"] = Ref($"{Eu}frequency/{(quarterly ? "QUARTERLY" : "ANNUAL")}"),
            ["dct:publisher"] = new JsonObject { ["@type"] = "foaf:Agent", ["foaf:name"] = publisher },
            ["dcat:landingPage"] = Ref($"{root}/reporting"),
            ["dcat:distribution"] = new JsonArray(
                Distribution(root, "export.csv", "CSV", "text/csv", "Valeurs publiées (CSV)"),
                Distribution(root, "export.json", "JSON", "application/json", "Valeurs publiées (JSON)"),
                Distribution(root, "datapackage.json", "JSON", "application/json", "Description Frictionless Data Package")),
        };
        if (modified is not null)
        {
            dataset["dct:modified"] = new JsonObject { ["@value"] = modified, ["@type"] = "xsd:dateTime" };
        }

        if (contactEmail is { Length: > 0 } email)
        {
            dataset["dcat:contactPoint"] = new JsonObject { ["@type"] = "vcard:Organization", ["vcard:fn"] = publisher, ["vcard:hasEmail"] = Ref($"mailto:{email}") };
        }

        var document = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@graph"] = new JsonArray(
                new JsonObject
                {
                    ["@id"] = $"{root}/reporting/dcat.jsonld",
                    ["@type"] = "dcat:Catalog",
                    ["dct:title"] = Texts("Digital Wallonia – données ouvertes du rapportage", "Digital Wallonia – reporting open data"),
                    ["dct:description"] = Texts("Le suivi publié des mesures du plan Digital Wallonia.", "The published monitoring of the Digital Wallonia plan's measures."),
                    ["dct:publisher"] = new JsonObject { ["@type"] = "foaf:Agent", ["foaf:name"] = publisher },
                    ["foaf:homepage"] = Ref($"{root}/reporting"),
                    ["dcat:dataset"] = Ref($"{root}/reporting#dataset"),
                },
                dataset),
        };
        return document.ToJsonString(Indented);
    }

    private static JsonObject Resource(string name, string path, string format, string mediaType, bool dialect)
    {
        var resource = new JsonObject
        {
            ["name"] = name,
            ["path"] = path,
            ["profile"] = "tabular-data-resource",
            ["format"] = format,
            ["mediatype"] = mediaType,
            ["encoding"] = "utf-8",
        };
        if (dialect)
        {
            resource["dialect"] = new JsonObject { ["delimiter"] = ",", ["header"] = true, ["doubleQuote"] = true, ["lineTerminator"] = "\r\n" };
        }

        resource["schema"] = Schema();
        return resource;
    }

    private static JsonObject Distribution(string root, string file, string format, string mediaType, string title) => new()
    {
        ["@id"] = $"{root}/reporting/{file}#distribution",
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = Text("fr", title),
        ["dcat:accessURL"] = Ref($"{root}/reporting/{file}"),
        ["dcat:downloadURL"] = Ref($"{root}/reporting/{file}"),
        ["dcat:mediaType"] = Ref($"http://www.iana.org/assignments/media-types/{mediaType}"),
        ["dct:format"] = Ref($"http://publications.europa.eu/resource/authority/file-type/{format}"),
        ["dct:license"] = Ref("http://creativecommons.org/licenses/by/4.0/"),
    };

    private static JsonObject Ref(string id) => new() { ["@id"] = id };

    private static JsonObject Text(string language, string value) => new() { ["@language"] = language, ["@value"] = value };

    private static JsonArray Texts(string fr, string en) => new(Text("fr", fr), Text("en", en));

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        decimal d => Normalise(d).ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>The number without the trailing zeros its column's scale adds (42.0000 is 42).</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
