using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Tests.Forms;

/// <summary>
/// Fills a generated form as a person would (numbers the French way, an enterprise number with its BE prefix and dots, a
/// date in three boxes, a file chosen) and posts it as a browser does: the controls' names and values, nothing else.
/// </summary>
internal sealed class FormFiller(IDocument page, string prefix = "input")
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");
    private readonly List<(string Name, string FileName, string MediaType, int Size)> _files = [];

    public void Fill(IReadOnlyList<InputField> fields, JsonObject values)
    {
        foreach (var field in fields)
        {
            Fill(field, field.Key, values[field.Key]);
        }
    }

    public static string Id(string prefix, string path) =>
        $"{prefix}-{path}".Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    private IElement Control(string id) => page.GetElementById(id) ?? throw new InvalidOperationException($"No control #{id} in the form.");

    private void Fill(InputField field, string path, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        var id = Id(prefix, path);
        switch (field.Type)
        {
            case InputFieldType.Object:
                foreach (var child in field.Fields)
                {
                    Fill(child, $"{path}.{child.Key}", value[child.Key]);
                }

                break;
            case InputFieldType.List:
                var items = value.AsArray();
                for (var i = 0; i < items.Count; i++)
                {
                    Fill(field.Item!, $"{path}[{i}]", items[i]);
                }

                break;
            case InputFieldType.Date:
                var date = DateOnly.ParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                ((IHtmlInputElement)Control($"{id}-day")).Value = date.Day.ToString(CultureInfo.InvariantCulture);
                ((IHtmlInputElement)Control($"{id}-month")).Value = date.Month.ToString(CultureInfo.InvariantCulture);
                ((IHtmlInputElement)Control($"{id}-year")).Value = date.Year.ToString(CultureInfo.InvariantCulture);
                break;
            case InputFieldType.Boolean:
                ((IHtmlInputElement)Control(value.GetValue<bool>() ? $"{id}-0" : $"{id}-1")).IsChecked = true;
                break;
            case InputFieldType.Choice:
                var chosen = value.GetValue<string>();
                if (page.GetElementById(id) is IHtmlSelectElement select)
                {
                    select.Value = chosen;
                }
                else
                {
                    var radio = page.QuerySelectorAll<IHtmlInputElement>($"input[type=radio][name=\"{prefix}.{path}\"]").Single(r => r.Value == chosen);
                    radio.IsChecked = true;
                }

                break;
            case InputFieldType.Document:
                Assert.Equal("file", ((IHtmlInputElement)Control(id)).Type);
                _files.Add(($"{prefix}.{path}", value["name"]!.GetValue<string>(), value["mediaType"]!.GetValue<string>(), value["size"]!.GetValue<int>()));
                break;
            case InputFieldType.Money or InputFieldType.Decimal or InputFieldType.Integer:
                ((IHtmlInputElement)Control(id)).Value = value.GetValue<decimal>().ToString("#,0.##########", French);
                break;
            case InputFieldType.EnterpriseNumber:
                var digits = value.GetValue<string>();
                ((IHtmlInputElement)Control(id)).Value = $"BE {digits[..4]}.{digits[4..7]}.{digits[7..]}";
                break;
            case InputFieldType.LongText:
                ((IHtmlTextAreaElement)Control(id)).Value = value.GetValue<string>();
                break;
            default:
                ((IHtmlInputElement)Control(id)).Value = value.GetValue<string>();
                break;
        }
    }

    /// <summary>The form data a browser sends: successful controls, the files chosen, and the button pressed if any.</summary>
    public MultipartFormDataContent Content(IHtmlFormElement form, (string Name, string Value)? submitter = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(form))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, mediaType, size) in _files)
        {
            var file = new ByteArrayContent(new byte[size]);
            file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Add(file, name, fileName);
        }

        if (submitter is { } pressed)
        {
            content.Add(new StringContent(pressed.Value), pressed.Name);
        }

        return content;
    }

    public static IEnumerable<(string Name, string Value)> Values(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "radio" or "checkbox":
                    if (input.IsChecked)
                    {
                        yield return (name, input.Value);
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("file" or "submit" or "button" or "image" or "reset"):
                    yield return (name, input.Value);
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    yield return (name, select.Value ?? string.Empty);
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    yield return (name, textArea.Value);
                    break;
            }
        }
    }
}
