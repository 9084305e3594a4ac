using AngleSharp.Dom;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Tests.Forms;

/// <summary>What makes a generated form usable with a screen reader and a keyboard, as problems found in a page.</summary>
internal static class FormChecks
{
    public static IEnumerable<string> Problems(IDocument page, IReadOnlyList<InputField> fields)
    {
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        foreach (var duplicate in ids.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            yield return $"id '{duplicate.Key}' is used {duplicate.Count()} times";
        }

        var form = page.QuerySelector("#action-form form");
        if (form is null)
        {
            yield return "no form";
            yield break;
        }

        foreach (var control in form.QuerySelectorAll("input, select, textarea")
                     .Where(c => c.GetAttribute("type") is not ("hidden" or "submit")))
        {
            if (control.Id is not { Length: > 0 } id)
            {
                yield return $"a {control.LocalName} named '{control.GetAttribute("name")}' has no id";
                continue;
            }

            if (page.QuerySelector($"label[for=\"{id}\"]") is not { TextContent.Length: > 0 })
            {
                yield return $"#{id} has no label";
            }
        }

        foreach (var described in page.QuerySelectorAll("[aria-describedby]"))
        {
            foreach (var id in described.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(i => !ids.Contains(i)))
            {
                yield return $"aria-describedby of #{described.Id} names '{id}', which is nowhere";
            }
        }

        foreach (var problem in FieldProblems(page, fields, prefix: null))
        {
            yield return problem;
        }
    }

    // Each declared field is drawn, with its label in the page's language and its limits in its hint.
    private static IEnumerable<string> FieldProblems(IDocument page, IReadOnlyList<InputField> fields, string? prefix)
    {
        foreach (var field in fields)
        {
            var path = prefix is null ? field.Key : $"{prefix}.{field.Key}";
            var drawn = page.QuerySelector($"[data-field=\"{path}\"]");
            if (drawn is null)
            {
                yield return $"field {path} is not drawn";
                continue;
            }

            if (!drawn.TextContent.Contains(field.Label.Get("fr"), StringComparison.Ordinal))
            {
                yield return $"field {path} does not show its label '{field.Label.Get("fr")}'";
            }

            var hint = page.GetElementById($"input-{path.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}-hint")?.TextContent ?? string.Empty;
            if (field.Help.Values.Count > 0 && !hint.Contains(field.Help.Get("fr"), StringComparison.Ordinal))
            {
                yield return $"field {path} does not show its help";
            }

            if (field.MaxLength is { } max && !hint.Contains($"Au plus {max} caractères", StringComparison.Ordinal))
            {
                yield return $"field {path} does not say its {max} characters";
            }

            if (field.Type == InputFieldType.Document && !hint.Contains("Taille maximale", StringComparison.Ordinal))
            {
                yield return $"field {path} does not say its size limit";
            }

            var inner = field.Type switch
            {
                InputFieldType.Object => FieldProblems(page, field.Fields, path),
                InputFieldType.List when field.Item is { Type: InputFieldType.Object } item => FieldProblems(page, item.Fields, $"{path}[0]"),
                _ => [],
            };
            foreach (var problem in inner)
            {
                yield return problem;
            }
        }
    }
}
