using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class WorkflowTemplatesTests
{
    [Fact]
    public void Every_template_a_workflow_names_exists_as_the_kind_it_is_used_for()
    {
        var catalogue = TemplateFolder.RepositoryCatalogue;
        var workflows = Path.Combine(Path.GetDirectoryName(TemplateFolder.Repository)!, "workflows"); // the repository root holds both
        var missing = new List<string>();
        var uses = 0;

        foreach (var file in Directory.EnumerateFiles(workflows, "*.json").Where(f => Path.GetFileName(f) != "roles.json"))
        {
            foreach (var (key, kind) in TemplateUses(JsonNode.Parse(File.ReadAllText(file))))
            {
                uses++;
                if (!catalogue.Has(Language.French, key, kind))
                {
                    missing.Add($"{Path.GetFileName(file)}: {kind.ToString().ToLowerInvariant()} '{key}'");
                }
            }
        }

        Assert.True(uses > 0, "no template use found under workflows/");
        Assert.Empty(missing);
    }

    // notify actions and deadline reminders send e-mails; issueDocument actions issue letters.
    private static IEnumerable<(string Key, TemplateKind Kind)> TemplateUses(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["template"] is JsonValue template)
                {
                    var kind = obj["type"]?.GetValue<string>() == "issueDocument" ? TemplateKind.Letter : TemplateKind.Email;
                    yield return (template.GetValue<string>(), kind);
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var use in TemplateUses(child))
                    {
                        yield return use;
                    }
                }

                break;
            case JsonArray array:
                foreach (var use in array.SelectMany(TemplateUses))
                {
                    yield return use;
                }

                break;
        }
    }
}
