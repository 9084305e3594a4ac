using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalWallonia.Cli.Notifications;

/// <summary><c>dw templates check|preview</c>: checks every template against its model; renders one for a dossier.</summary>
internal static class TemplatesCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            PrintHelp(console.Out);
            return args.Verb is null ? 2 : 0;
        }

        return args.Verb switch
        {
            "check" => Check(args, console),
            "preview" => await PreviewAsync(args, console, cancellationToken),
            _ => throw new CliUsageException($"unknown subcommand '{args.Verb}'; expected check or preview"),
        };
    }

    private static int Check(CliArgs args, CliConsole console)
    {
        var catalogue = TemplateCatalogue.Load(Folder(args));
        foreach (var diagnostic in catalogue.Diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (catalogue.Diagnostics.Count > 0)
        {
            console.Error.WriteLine($"{catalogue.Diagnostics.Count} problem(s) in {catalogue.Folder}");
            return 1;
        }

        foreach (var model in catalogue.Models.Values.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            foreach (var kind in catalogue.KindsOf(model.Key))
            {
                console.Out.WriteLine($"{model.Key,-32} {kind.ToString().ToLowerInvariant(),-7} {string.Join(" ", catalogue.LanguagesOf(model.Key, kind))}");
            }
        }

        console.Out.WriteLine($"{catalogue.Models.Count} template(s) checked in {catalogue.Folder}: no problems.");
        return 0;
    }

    private static async Task<int> PreviewAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var key = args.Option("template") ?? throw new CliUsageException("preview needs --template KEY");
        var catalogue = TemplateCatalogue.Load(Folder(args));
        if (!catalogue.Models.ContainsKey(key))
        {
            console.Error.WriteLine($"dw templates: no template '{key}' in {catalogue.Folder} (known: {string.Join(", ", catalogue.Models.Keys.Order(StringComparer.Ordinal))})");
            return 1;
        }

        JsonObject? facts = null;
        if (args.Option("dossier") is { } reference)
        {
            await using var services = PlatformServices.Build(args);
            await using var scope = services.CreateAsyncScope();
            facts = await DossierFacts.ForReferenceAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), reference, cancellationToken);
            if (facts is null)
            {
                console.Error.WriteLine($"dw templates: no dossier has the reference '{reference}'");
                return 1;
            }
        }

        JsonObject model;
        if (args.Option("model") is { } modelFile)
        {
            model = JsonNode.Parse(await File.ReadAllTextAsync(modelFile, cancellationToken)) as JsonObject
                ?? throw new CliUsageException($"{modelFile} does not hold a JSON object");
        }
        else
        {
            model = catalogue.Example(key, facts);
        }

        var kinds = catalogue.KindsOf(key);
        var kind = args.Option("kind") switch
        {
            null => kinds.Count > 0 ? kinds[0] : TemplateKind.Email,
            var k when Enum.TryParse<TemplateKind>(k, ignoreCase: true, out var parsed) => parsed,
            var k => throw new CliUsageException($"unknown kind '{k}'; expected email or letter"),
        };
        var language = args.Option("lang") ?? facts?["recipient"]?["language"]?.GetValue<string>() ?? Language.French;
        RenderedTemplate rendered;
        try
        {
            rendered = new TemplateRenderer(catalogue, NullLogger<TemplateRenderer>.Instance).Render(key, language, model, kind);
        }
        catch (TemplateException e)
        {
            console.Error.WriteLine($"dw templates: {e.Message}");
            return 1;
        }

        if (rendered.Language != Language.Normalise(language))
        {
            console.Out.WriteLine($"note: '{key}' does not exist in '{language}'; rendered in {rendered.Language}");
        }

        if (args.Option("out") is { } outFolder)
        {
            Directory.CreateDirectory(outFolder);
            var stem = Path.Combine(outFolder, $"{key}.{rendered.Language}");
            await File.WriteAllTextAsync($"{stem}.subject.txt", rendered.Subject + "\n", cancellationToken);
            await File.WriteAllTextAsync($"{stem}.html", rendered.Html, cancellationToken);
            await File.WriteAllTextAsync($"{stem}.model.json", model.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
            var written = new List<string> { $"{stem}.subject.txt", $"{stem}.html", $"{stem}.model.json" };
            if (rendered.Text is not null)
            {
                await File.WriteAllTextAsync($"{stem}.txt", rendered.Text, cancellationToken);
                written.Insert(2, $"{stem}.txt");
            }

            foreach (var file in written)
            {
                console.Out.WriteLine(file);
            }

            return 0;
        }

        console.Out.WriteLine($"Subject: {rendered.Subject}");
        if (rendered.Text is not null)
        {
            console.Out.WriteLine("----- text -----");
            console.Out.Write(rendered.Text);
        }

        console.Out.WriteLine("----- html -----");
        console.Out.WriteLine(rendered.Html);
        return 0;
    }

    // --templates, else the nearest templates/ folder above the working directory, else the copy next to the binaries.
    private static string Folder(CliArgs args)
    {
        if (args.Option("templates") is { } explicitFolder)
        {
            return explicitFolder;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*" + TemplateCatalogue.ModelSuffix).Any())
            {
                return candidate;
            }
        }

        return new TemplateOptions().ResolveFolder();
    }

    private static void PrintHelp(TextWriter stdout)
    {
        stdout.WriteLine("dw templates check [--templates DIR]");
        stdout.WriteLine("  Checks every template, partial and layout against its model; FILE:LINE:COL: CODE: message on stderr, exit 1 on problems.");
        stdout.WriteLine("dw templates preview --template KEY [--lang fr|nl|de|en] [--kind email|letter] [--dossier REF] [--model FILE] [--out DIR] [--templates DIR]");
        stdout.WriteLine("  Renders a template with its model file's examples, the dossier's facts written over them (or the JSON of --model).");
        stdout.WriteLine("  Prints subject, text and html, or writes KEY.LANG.subject.txt, .txt, .html and .model.json into DIR.");
        stdout.WriteLine("  The folder: --templates, else the nearest templates/ above the working directory.");
    }
}
