using System.Net;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Notifications.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// Every notice reads right for whoever receives it: each template a workflow's notify action or reminder sends, in each
/// language it exists in, rendered for each role it is sent to — a company's contact is greeted "Madame, Monsieur,"
/// (never followed by a name), a team mailbox as a colleague, told whose message it is a copy of — and its link opens
/// the dossier's page for that reader on the site's public address: the portal for parties, the workspace for staff.
/// </summary>
public class RecipientAddressingTests
{
    private const string Site = "https://aides.example.be";
    private const string Reference = "VOUCHER-2026-000042";
    private static readonly TemplateCatalogue Catalogue = TemplateFolder.RepositoryCatalogue;
    private static readonly TemplateRenderer Renderer = new(Catalogue, NullLogger<TemplateRenderer>.Instance);

    public static TheoryData<string, string, string, bool, bool> Sendings()
    {
        var root = Path.GetDirectoryName(TemplateFolder.Repository)!;
        var global = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "workflows", "roles.json")))!["roles"]!.AsArray()
            .Where(r => r!["scope"]!.GetValue<string>() == "global").Select(r => r!["key"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var sent = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "workflows"), "*.json").Where(f => Path.GetFileName(f) != "roles.json"))
        {
            Collect(JsonNode.Parse(File.ReadAllText(file)), sent);
        }

        var data = new TheoryData<string, string, string, bool, bool>();
        foreach (var (key, roles) in sent)
        {
            var copied = roles.Any(r => !global.Contains(r));
            foreach (var language in Catalogue.LanguagesOf(key))
            {
                foreach (var role in roles)
                {
                    data.Add(key, language, role, global.Contains(role), global.Contains(role) && copied);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sendings))]
    public void Each_notice_greets_its_reader_by_usage_and_links_to_the_readers_page(string key, string language, string role, bool staff, bool copy)
    {
        Assert.False(string.IsNullOrEmpty(role));
        var model = Catalogue.Example(key);
        var recipient = model["recipient"]!.AsObject();
        recipient["name"] = staff ? "Gestionnaire de dossier" : "Ana Costa";
        recipient["salutation"] = Addressing.Salutation(language, staff);
        recipient["copyOf"] = copy ? "Forges de Wallonie SRL" : null;
        if (model["dossier"] is JsonObject dossier)
        {
            dossier["reference"] = Reference;
            dossier["url"] = Addressing.DossierUrl(Site + "/", Reference, staff);
        }

        var rendered = Renderer.Render(key, language, model);
        var text = rendered.Text!;
        var html = WebUtility.HtmlDecode(rendered.Html);
        var firstLine = text.Split('\n')[0].TrimEnd('\r');

        Assert.StartsWith(Addressing.Salutation(language, staff), firstLine, StringComparison.Ordinal);
        Assert.Equal(copy, firstLine.Contains("Forges de Wallonie SRL", StringComparison.Ordinal));
        foreach (var body in new[] { text, html })
        {
            Assert.DoesNotContain("Ana Costa,", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Gestionnaire de dossier", body, StringComparison.Ordinal);
            Assert.DoesNotContain("/dossiers/", body, StringComparison.Ordinal);
            Assert.DoesNotContain("localhost", body, StringComparison.Ordinal);
            Assert.DoesNotContain(staff ? "/Portal/" : "/Workspace/", body, StringComparison.Ordinal);
        }

        if (text.Contains(Site, StringComparison.Ordinal))
        {
            Assert.Contains(staff ? $"{Site}/Workspace/Dossiers/{Reference}" : $"{Site}/Portal/Dossier/{Reference}", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fr", false, "Madame, Monsieur,")]
    [InlineData("fr", true, "Bonjour,")]
    [InlineData("en", false, "Dear Sir or Madam,")]
    [InlineData("de", false, "Sehr geehrte Damen und Herren,")]
    [InlineData("nl", false, "Geachte mevrouw, geachte heer,")]
    [InlineData(null, false, "Madame, Monsieur,")]
    public void The_salutation_follows_the_language_and_the_reader(string? language, bool staff, string expected) =>
        Assert.Equal(expected, Addressing.Salutation(language, staff));

    private static void Collect(JsonNode? node, SortedDictionary<string, SortedSet<string>> sent)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["template"] is JsonValue template && obj["to"] is JsonArray to && obj["type"]?.GetValue<string>() != "issueDocument")
                {
                    var key = template.GetValue<string>();
                    if (!sent.TryGetValue(key, out var roles))
                    {
                        sent[key] = roles = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    roles.UnionWith(to.Select(r => r!.GetValue<string>()));
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, sent);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, sent);
                }

                break;
        }
    }
}
