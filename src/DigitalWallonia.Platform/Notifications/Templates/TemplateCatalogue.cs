using System.Collections.Frozen;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Every template, partial, layout and model of a <c>templates/</c> folder, loaded and checked once. Loading never
/// throws on content: problems are in <see cref="Diagnostics"/>, and a template with errors is still listed (the
/// renderer refuses it). Immutable after loading; thread-safe.
/// </summary>
/// <remarks>
/// Layout: <c>{lang}/{key}.{subject|html|txt|letter}.hbs</c>, <c>{key}.model.json</c>, <c>partials/{name}.hbs</c> (shared),
/// <c>{lang}/partials/{name}.hbs</c> (translated), <c>layouts/email.html.hbs</c>, <c>layouts/email.txt.hbs</c> and
/// <c>layouts/letter.html.hbs</c>, which see <c>subject</c>, <c>body</c> and <c>lang</c>.
/// </remarks>
public sealed class TemplateCatalogue
{
    public const string ModelSuffix = ".model.json";

    /// <summary>The model the layouts are checked against: the rendered subject and body, and the language.</summary>
    internal static readonly ModelType LayoutModel = new()
    {
        Kind = ModelKind.Object,
        Fields = new Dictionary<string, ModelType>(StringComparer.Ordinal)
        {
            ["subject"] = new() { Kind = ModelKind.String },
            ["body"] = new() { Kind = ModelKind.String },
            ["lang"] = new() { Kind = ModelKind.String },
        },
    };

    private static readonly Dictionary<string, TemplatePart> PartSuffixes = new(StringComparer.Ordinal)
    {
        [".subject.hbs"] = TemplatePart.Subject,
        [".html.hbs"] = TemplatePart.Html,
        [".txt.hbs"] = TemplatePart.Text,
        [".letter.hbs"] = TemplatePart.Letter,
    };

    private readonly Dictionary<(string Language, string Key, TemplatePart Part), ParsedTemplate> _parts = [];
    private readonly Dictionary<(string Language, string Name), ParsedTemplate> _partials = [];
    private readonly Dictionary<string, ParsedTemplate> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TemplateModel> _models = new(StringComparer.Ordinal);
    private readonly List<TemplateDiagnostic> _diagnostics = [];

    private TemplateCatalogue(string folder) => Folder = folder;

    /// <summary>The absolute path of the templates folder.</summary>
    public string Folder { get; }

    public IReadOnlyList<TemplateDiagnostic> Diagnostics => _diagnostics;

    public IReadOnlyDictionary<string, TemplateModel> Models => _models;

    /// <summary>The files with errors; the renderer refuses templates that use them.</summary>
    internal IReadOnlySet<string> FilesWithErrors { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Loads and checks a folder. <paramref name="displayRoot"/> is what file names in diagnostics are relative to
    /// (defaults to the folder's parent, so names read <c>templates/fr/x.html.hbs</c>).</summary>
    public static TemplateCatalogue Load(string folder, string? displayRoot = null)
    {
        var full = Path.GetFullPath(folder);
        var catalogue = new TemplateCatalogue(full);
        if (!Directory.Exists(full))
        {
            catalogue._diagnostics.Add(new TemplateDiagnostic(folder, 1, 1, TemplateMessages.MissingPart, "the templates folder does not exist"));
            return catalogue;
        }

        catalogue.Read(displayRoot ?? Path.GetDirectoryName(full) ?? full);
        catalogue.CheckAll();
        catalogue.CompileClean();
        catalogue.FilesWithErrors = catalogue._diagnostics.Select(d => d.File).ToFrozenSet(StringComparer.Ordinal);
        return catalogue;
    }

    /// <summary>The languages a template exists in for <paramref name="kind"/> (French first when present).</summary>
    public IReadOnlyList<string> LanguagesOf(string key, TemplateKind kind = TemplateKind.Email) =>
        Language.Supported.Where(l => Has(l, key, kind)).ToList();

    /// <summary>Whether the template has all the parts of <paramref name="kind"/> in <paramref name="language"/>.</summary>
    public bool Has(string language, string key, TemplateKind kind) =>
        PartsOf(kind).All(p => _parts.ContainsKey((language, key, p)));

    /// <summary>What the French reference of a template produces: e-mail, letter, or both.</summary>
    public IReadOnlyList<TemplateKind> KindsOf(string key) =>
        Enum.GetValues<TemplateKind>().Where(k => Has(Language.French, key, k)).ToList();

    internal static TemplatePart[] PartsOf(TemplateKind kind) => kind == TemplateKind.Email
        ? [TemplatePart.Subject, TemplatePart.Html, TemplatePart.Text]
        : [TemplatePart.Subject, TemplatePart.Letter];

    /// <summary>
    /// A model for <paramref name="key"/> built from the examples of its model file, with <paramref name="facts"/>
    /// (e.g. <see cref="DossierFacts"/>) written over them wherever the model declares the field; a fact given as null removes an optional field's example.
    /// </summary>
    public JsonObject Example(string key, JsonObject? facts = null)
    {
        var model = Models.TryGetValue(key, out var declared)
            ? ModelData.Example(declared.Root)!.AsObject()
            : throw new TemplateException($"no template '{key}'");
        if (facts is not null)
        {
            Overlay(model, facts, declared.Root);
        }

        return model;
    }

    private static void Overlay(JsonObject target, JsonObject facts, ModelType type)
    {
        foreach (var (name, value) in facts)
        {
            if (!type.Fields.TryGetValue(name, out var field))
            {
                continue;
            }

            if (value is null)
            {
                // A fact known to be absent (a message that is nobody's copy) leaves no example behind where the model allows none.
                if (field.Optional)
                {
                    target.Remove(name);
                }

                continue;
            }

            if (field.Kind == ModelKind.Object && value is JsonObject nested && target[name] is JsonObject inner)
            {
                Overlay(inner, nested, field);
            }
            else if (field.Kind != ModelKind.Object)
            {
                target[name] = value.DeepClone();
            }
        }
    }

    internal ParsedTemplate? Part(string language, string key, TemplatePart part) =>
        _parts.TryGetValue((language, key, part), out var t) ? t : null;

    internal ParsedTemplate? Layout(string name) => _layouts.TryGetValue(name, out var t) ? t : null;

    /// <summary>A partial for a language: the translated one, else the shared one, else the French one.</summary>
    internal ParsedTemplate? Partial(string language, string name) =>
        _partials.TryGetValue((language, name), out var own) ? own
        : _partials.TryGetValue((string.Empty, name), out var shared) ? shared
        : _partials.TryGetValue((Language.French, name), out var french) ? french
        : null;

    internal IEnumerable<string> PartialNames(string language) =>
        _partials.Keys.Where(k => k.Language.Length == 0 || k.Language == language || k.Language == Language.French).Select(k => k.Name).Distinct();

    private void Read(string displayRoot)
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Folder, path).Replace('\\', '/');
            var display = Path.GetRelativePath(displayRoot, path).Replace('\\', '/');
            var name = Path.GetFileName(relative);
            var folders = relative.Split('/')[..^1];
            if (folders.Length == 0 && name.EndsWith(ModelSuffix, StringComparison.Ordinal))
            {
                var key = name[..^ModelSuffix.Length];
                if (ModelFileReader.Read(key, new SourceText(display, File.ReadAllText(path)), _diagnostics) is { } model)
                {
                    _models[key] = model;
                }

                continue;
            }

            if (!name.EndsWith(".hbs", StringComparison.Ordinal))
            {
                continue;
            }

            var parsed = Parse(display, File.ReadAllText(path));
            switch (folders)
            {
                case ["partials"]:
                    _partials[(string.Empty, name[..^4])] = parsed;
                    break;
                case ["layouts"]:
                    _layouts[name[..^4]] = parsed;
                    break;
                case [var language, "partials"] when Language.Supported.Contains(language):
                    _partials[(language, name[..^4])] = parsed;
                    break;
                case [var language] when Language.Supported.Contains(language):
                    var suffix = PartSuffixes.Keys.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
                    if (suffix is null)
                    {
                        _diagnostics.Add(new TemplateDiagnostic(display, 1, 1, TemplateMessages.MissingPart,
                            "a template file is named {key}.subject.hbs, {key}.html.hbs, {key}.txt.hbs or {key}.letter.hbs"));
                        break;
                    }

                    _parts[(language, name[..^suffix.Length], PartSuffixes[suffix])] = parsed;
                    break;
                default:
                    _diagnostics.Add(new TemplateDiagnostic(display, 1, 1, TemplateMessages.MissingPart,
                        $"unexpected place for a template; languages are {string.Join(", ", Language.Supported)}, and partials/ and layouts/ hold the shared files"));
                    break;
            }
        }
    }

    private ParsedTemplate Parse(string display, string text)
    {
        var source = new SourceText(display, text);
        var before = _diagnostics.Count;
        var mustaches = MustacheScanner.Scan(source, _diagnostics);
        return new ParsedTemplate(source, mustaches, _diagnostics.Count > before);
    }

    // Our checker found nothing but Handlebars.Net may still refuse a file: report it now rather than at send time.
    private void CompileClean()
    {
        var withErrors = _diagnostics.Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        foreach (var template in _parts.Values.Concat(_partials.Values).Concat(_layouts.Values))
        {
            if (withErrors.Contains(template.Source.File))
            {
                continue;
            }

            try
            {
                HandlebarsDotNet.Handlebars.Create().Compile(template.Source.Text);
            }
            catch (HandlebarsDotNet.HandlebarsException e)
            {
                _diagnostics.Add(new TemplateDiagnostic(template.Source.File, 1, 1, TemplateMessages.RejectedByHandlebars, e.Message));
            }
        }
    }

    private void CheckAll()
    {
        foreach (var key in _parts.Keys.Select(k => k.Key).Distinct().Order(StringComparer.Ordinal))
        {
            if (!_models.ContainsKey(key) && !_diagnostics.Any(d => d.File.EndsWith($"/{key}{ModelSuffix}", StringComparison.Ordinal)))
            {
                var first = _parts.First(p => p.Key.Key == key).Value.Source.File;
                _diagnostics.Add(new TemplateDiagnostic(first, 1, 1, TemplateMessages.ModelFile, $"no model file: write templates/{key}{ModelSuffix}"));
            }
        }

        foreach (var model in _models.Values.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            foreach (var language in Language.Supported)
            {
                var present = Enum.GetValues<TemplatePart>().Where(p => _parts.ContainsKey((language, model.Key, p))).ToList();
                if (present.Count == 0 && language != Language.French)
                {
                    continue;
                }

                foreach (var problem in MissingParts(present))
                {
                    var what = language == Language.French ? " (French is the reference and the fallback)" : string.Empty;
                    _diagnostics.Add(new TemplateDiagnostic(model.File, 1, 1, TemplateMessages.MissingPart,
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, $"templates/{language}/{model.Key}") + what));
                }

                foreach (var part in present)
                {
                    CheckTemplate(model.Key, model.Root, language, _parts[(language, model.Key, part)]);
                }
            }
        }

        foreach (var (name, layout) in _layouts.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            CheckTemplate($"layouts/{name}", LayoutModel, Language.French, layout);
        }

        // The same partial included from several places reports a problem once.
        var unique = _diagnostics.Distinct().ToList();
        _diagnostics.Clear();
        _diagnostics.AddRange(unique);
    }

    // An e-mail needs its subject, HTML and text; a letter its subject and letter; a template is at least one of them.
    private static IEnumerable<string> MissingParts(List<TemplatePart> present)
    {
        if (!present.Contains(TemplatePart.Subject))
        {
            yield return "{0}.subject.hbs is missing";
        }

        var html = present.Contains(TemplatePart.Html);
        var text = present.Contains(TemplatePart.Text);
        if (html && !text)
        {
            yield return "{0}.txt.hbs is missing";
        }
        else if (text && !html)
        {
            yield return "{0}.html.hbs is missing";
        }
        else if (!html && !present.Contains(TemplatePart.Letter))
        {
            yield return "{0} needs .html.hbs and .txt.hbs (an e-mail) or .letter.hbs (a letter)";
        }
    }

    private void CheckTemplate(string key, ModelType root, string language, ParsedTemplate template)
    {
        if (template.HasSyntaxErrors)
        {
            return;
        }

        new TemplateChecker(key, root, name => Partial(language, name), PartialNames(language).ToList(), _diagnostics).Check(template);
    }
}
