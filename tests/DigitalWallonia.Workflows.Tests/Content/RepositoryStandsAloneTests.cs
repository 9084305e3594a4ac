using System.Text;
using System.Text.Json;
using DigitalWallonia.Workflows.Tests.Support;

namespace DigitalWallonia.Workflows.Tests.Content;

/// <summary>
/// A clone with nothing beside it builds, tests and explains its rules: no file points outside the repository, and
/// every source a rule links to is described in docs/sources.md.
/// </summary>
public class RepositoryStandsAloneTests
{
    // Written in two parts so that this file does not match itself.
    private static readonly string[] OutsideFolders = ["../" + "shared", "/work/" + "shared"];

    private static readonly HashSet<string> GeneratedFolders = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".git" };

    [Fact]
    public void No_file_of_the_repository_refers_to_a_folder_beside_it()
    {
        var offending = new List<string>();
        foreach (var file in RepositoryFiles(new DirectoryInfo(Repository.Root)))
        {
            var bytes = File.ReadAllBytes(file.FullName);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
            {
                continue; // binary (an image, a database): no path to follow
            }

            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (OutsideFolders.Any(folder => lines[i].Contains(folder, StringComparison.Ordinal)))
                {
                    offending.Add($"{Path.GetRelativePath(Repository.Root, file.FullName)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offending.Count == 0, "Files refer to a folder outside the repository:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Every_legal_basis_link_of_the_rules_is_described_in_docs_sources()
    {
        var sources = File.ReadAllText(Repository.File("docs", "sources.md"));
        var missing = new List<string>();
        var links = 0;
        foreach (var file in Directory.EnumerateFiles(Repository.File("rules"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            foreach (var link in LegalBasisLinks(document.RootElement))
            {
                links++;
                if (!sources.Contains(link, StringComparison.Ordinal))
                {
                    missing.Add($"{Path.GetRelativePath(Repository.Root, file)}: {link}");
                }
            }
        }

        Assert.True(links > 50, $"only {links} legal-basis links found in rules/: is the walk broken?");
        Assert.True(missing.Count == 0, "Legal-basis links missing from docs/sources.md:\n" + string.Join('\n', missing.Distinct()));
    }

    private static IEnumerable<FileInfo> RepositoryFiles(DirectoryInfo folder)
    {
        foreach (var file in folder.EnumerateFiles())
        {
            yield return file;
        }

        foreach (var child in folder.EnumerateDirectories().Where(d => !GeneratedFolders.Contains(d.Name)))
        {
            foreach (var file in RepositoryFiles(child))
            {
                yield return file;
            }
        }
    }

    /// <summary>The <c>Link</c> of every <c>LegalBasis</c> object, wherever it sits (rule set, rule, parameter value).</summary>
    private static IEnumerable<string> LegalBasisLinks(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("LegalBasis") && property.Value.ValueKind == JsonValueKind.Object
                        && property.Value.TryGetProperty("Link", out var link) && link.ValueKind == JsonValueKind.String)
                    {
                        yield return link.GetString()!; // a string value, checked on the line above
                    }

                    foreach (var nested in LegalBasisLinks(property.Value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in LegalBasisLinks(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
