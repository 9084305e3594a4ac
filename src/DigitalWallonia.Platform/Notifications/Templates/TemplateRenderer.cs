using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigitalWallonia.Platform.Parties;
using HandlebarsDotNet;
using HandlebarsDotNet.Features;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Renders (template key, language, model JSON) into a subject, an HTML document inside its layout and a plain text.
/// A language the template does not exist in falls back to French, and the fallback is logged. Each language has its
/// own Handlebars environments (helpers format for its culture; one escapes HTML, the other writes plain text);
/// compiled templates are cached. Thread-safe.
/// </summary>
public sealed partial class TemplateRenderer(TemplateCatalogue catalogue, ILogger<TemplateRenderer> logger)
{
    private readonly ConcurrentDictionary<(string Language, bool Html), IHandlebars> _environments = new();
    private readonly ConcurrentDictionary<(string File, string Language, bool Html), HandlebarsTemplate<object, object>> _compiled = new();

    public TemplateCatalogue Catalogue => catalogue;

    /// <summary>Renders the e-mail or the letter of a template from the model's JSON text (as stored in the outbox).</summary>
    /// <exception cref="TemplateException">As <see cref="Render(string, string?, JsonNode?, TemplateKind)"/>, or the text is not JSON.</exception>
    public RenderedTemplate Render(string key, string? language, string modelJson, TemplateKind kind = TemplateKind.Email)
    {
        JsonNode? model;
        try
        {
            model = JsonNode.Parse(modelJson);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new TemplateException($"the model of '{key}' is not JSON: {e.Message}");
        }

        return Render(key, language, model, kind);
    }

    /// <summary>Renders the e-mail or the letter of a template.</summary>
    /// <exception cref="TemplateException">Unknown template, no such kind, a template with errors, or a model that does not match.</exception>
    public RenderedTemplate Render(string key, string? language, JsonNode? model, TemplateKind kind = TemplateKind.Email)
    {
        if (!catalogue.Models.TryGetValue(key, out var declared))
        {
            throw new TemplateException($"no template '{key}': write templates/{key}{TemplateCatalogue.ModelSuffix} and templates/fr/{key}.*.hbs");
        }

        var requested = Parties.Language.Normalise(language) ?? Parties.Language.French;
        var used = requested;
        if (!catalogue.Has(requested, key, kind))
        {
            used = Parties.Language.French;
            if (!catalogue.Has(used, key, kind))
            {
                var parts = kind == TemplateKind.Email ? ".subject.hbs, .html.hbs and .txt.hbs" : ".subject.hbs and .letter.hbs";
                throw new TemplateException($"template '{key}' has no {kind.ToString().ToLowerInvariant()}: templates/fr/{key}{parts} are needed");
            }

            LogFallback(logger, key, requested);
        }

        var subjectPart = Require(used, key, TemplatePart.Subject);
        var htmlPart = Require(used, key, kind == TemplateKind.Email ? TemplatePart.Html : TemplatePart.Letter);
        var textPart = kind == TemplateKind.Email ? Require(used, key, TemplatePart.Text) : null;
        var layout = catalogue.Layout(kind == TemplateKind.Email ? "email.html" : "letter.html");
        var textLayout = kind == TemplateKind.Email ? catalogue.Layout("email.txt") : null;
        var broken = new[] { subjectPart, htmlPart, textPart, layout, textLayout }
            .Where(p => p is not null && catalogue.FilesWithErrors.Contains(p.Source.File))
            .Select(p => p!.Source.File)
            .ToList();
        if (broken.Count > 0)
        {
            var first = catalogue.Diagnostics.First(d => broken.Contains(d.File));
            throw new TemplateException($"template '{key}' has errors (dw templates check): {first}");
        }

        var problems = new List<string>();
        var data = ModelData.Convert(model, declared.Root, problems);
        if (problems.Count > 0)
        {
            throw new TemplateException($"the model does not match templates/{key}{TemplateCatalogue.ModelSuffix}: {string.Join("; ", problems)}");
        }

        var subject = Whitespace().Replace(Run(subjectPart, used, html: false, data), " ").Trim();
        var body = Run(htmlPart, used, html: true, data);
        var document = layout is null ? body : Run(layout, used, html: true, Envelope(subject, body, used));
        string? text = null;
        if (textPart is not null)
        {
            text = Run(textPart, used, html: false, data);
            if (textLayout is not null)
            {
                text = Run(textLayout, used, html: false, Envelope(subject, text, used));
            }

            text = BlankLines().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n\n").Trim() + "\n";
        }

        return new RenderedTemplate(key, used, kind, subject, document, text);
    }

    private ParsedTemplate Require(string language, string key, TemplatePart part) =>
        catalogue.Part(language, key, part)
        ?? throw new TemplateException($"templates/{language}/{key}.{part.ToString().ToLowerInvariant()}.hbs is missing");

    private static Dictionary<string, object?> Envelope(string subject, string body, string language) => new(StringComparer.Ordinal)
    {
        ["subject"] = subject,
        ["body"] = body,
        ["lang"] = language,
    };

    private string Run(ParsedTemplate template, string language, bool html, object? data)
    {
        var compiled = _compiled.GetOrAdd((template.Source.File, language, html),
            k => Environment(k.Language, k.Html).Compile(template.Source.Text));
        return compiled(data ?? new Dictionary<string, object?>());
    }

    private IHandlebars Environment(string language, bool html) => _environments.GetOrAdd((language, html), k =>
    {
        // The alias provider makes list.length work on .NET lists, as it does on JavaScript arrays.
        var configuration = new HandlebarsConfiguration { FormatProvider = LocalFormats.Culture(k.Language) }.UseCollectionMemberAliasProvider();
        if (!k.Html)
        {
            configuration.NoEscape = true;
        }

        var environment = Handlebars.Create(configuration);
        TemplateHelpers.Register(environment, k.Language);
        foreach (var name in catalogue.PartialNames(k.Language))
        {
            if (catalogue.Partial(k.Language, name) is { } partial)
            {
                environment.RegisterTemplate(name, partial.Source.Text);
            }
        }

        return environment;
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Template {Key} does not exist in '{Language}'; using French")]
    private static partial void LogFallback(ILogger logger, string key, string language);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex BlankLines();
}
