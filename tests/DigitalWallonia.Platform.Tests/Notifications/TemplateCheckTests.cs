using DigitalWallonia.Platform.Notifications.Templates;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class TemplateCheckTests
{
    private const string Model = """
        {
          "fields": {
            "name": "string",
            "amount": "money",
            "due": "date",
            "dossier": { "type": "object", "fields": { "reference": "string" } },
            "items": { "type": "array", "items": { "type": "object", "fields": { "title": "string" } } }
          }
        }
        """;

    private const string File = "templates/fr/t.html.hbs";

    [Fact]
    public void The_repository_templates_have_no_errors()
    {
        Assert.Empty(TemplateFolder.RepositoryCatalogue.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_misspelt_field_is_reported_at_its_own_column_with_a_suggestion()
    {
        var diagnostic = Assert.Single(Check("<p>{{dossier.referense}}</p>"));

        Assert.Equal((File, 1, 14, "DW5003"), (diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Contains("unknown name 'referense' in 'dossier'; did you mean 'reference'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_inside_each_is_checked_against_the_item_type()
    {
        var diagnostic = Assert.Single(Check("<ul>\n{{#each items}}\n  <li>{{titel}} {{../name}} {{@index}}</li>\n{{/each}}\n</ul>"));

        Assert.Equal("templates/fr/t.html.hbs:3:9: DW5003: unknown name 'titel' in an item of 'items'; did you mean 'title'?", diagnostic.ToString());
    }

    [Fact]
    public void Block_parameters_and_this_resolve_inside_each()
    {
        Assert.Empty(Check("{{#each items as |item i|}}{{item.title}}{{i}}{{this.title}}{{@root.name}}{{/each}}"));
    }

    [Fact]
    public void A_parent_path_above_the_root_is_reported()
    {
        var diagnostic = Assert.Single(Check("x\n  {{../name}}"));

        Assert.Equal((2, 5, "DW5003"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }

    [Fact]
    public void An_unclosed_mustache_is_reported_where_it_opens()
    {
        var diagnostic = Assert.Single(Check("<p>Bonjour\n  {{name}\n</p>"));

        Assert.Equal("templates/fr/t.html.hbs:2:3: DW5001: '{{' is never closed", diagnostic.ToString());
    }

    [Fact]
    public void An_unclosed_block_is_reported_where_it_opens()
    {
        var diagnostic = Assert.Single(Check("a\nb {{#if name}}\nc"));

        Assert.Equal((2, 3, "DW5002"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Contains("'{{#if}}' is never closed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_tag_that_does_not_match_names_the_opening_one()
    {
        var diagnostic = Assert.Single(Check("{{#if name}}\n{{#each items}}{{title}}\n{{/if}}"));

        Assert.Equal((3, 1, "DW5002"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Contains("does not close '{{#each}}' opened at 2:1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_string_is_reported_at_its_quote()
    {
        var diagnostic = Assert.Single(Check("{{> box label=\"Référence}}"));

        Assert.Equal((1, 15, "DW5001"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }

    [Fact]
    public void An_unknown_helper_is_reported()
    {
        var diagnostic = Assert.Single(Check("{{upper name}}"));

        Assert.Equal((1, 3, "DW5004"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }

    [Fact]
    public void A_helper_given_the_wrong_type_is_reported_at_the_argument()
    {
        var diagnostic = Assert.Single(Check("{{money amount}} {{date name}}"));

        Assert.Equal("templates/fr/t.html.hbs:1:25: DW5006: 'date' expects a date; 'name' is a string", diagnostic.ToString());
    }

    [Fact]
    public void Printing_an_object_is_reported()
    {
        var diagnostic = Assert.Single(Check("{{dossier}}"));

        Assert.Equal((1, 3, "DW5007"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }

    [Fact]
    public void An_unknown_name_in_a_partial_is_reported_in_the_partial_file_with_the_scope_of_the_caller()
    {
        var diagnostics = Check(
            "{{#each items}}{{> box label=\"Titre\"}}{{/each}}",
            ("partials/box.hbs", "<b>{{label}}</b>\n<i>{{title}} {{nope}}</i>"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("templates/partials/box.hbs:2:16: DW5003: unknown name 'nope' in the context of partial 'box'", diagnostic.ToString());
    }

    [Fact]
    public void An_unknown_partial_is_reported_with_a_suggestion()
    {
        var diagnostic = Assert.Single(Check("x {{> boxx}}", ("partials/box.hbs", "b")));

        Assert.Equal((1, 7, "DW5005"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Contains("did you mean 'box'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_french_part_is_reported_on_the_model_file()
    {
        using var folder = TemplateFolder.With(("t.model.json", Model), ("fr/t.subject.hbs", "S"), ("fr/t.html.hbs", "H"));

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal("templates/t.model.json:1:1: DW5008: templates/fr/t.txt.hbs is missing (French is the reference and the fallback)", diagnostic.ToString());
    }

    [Fact]
    public void A_translation_with_only_part_of_an_email_is_reported()
    {
        using var folder = TemplateFolder.With(("t.model.json", Model), ("fr/t.subject.hbs", "S"), ("fr/t.html.hbs", "H"), ("fr/t.txt.hbs", "T"),
            ("nl/t.subject.hbs", "S"), ("nl/t.html.hbs", "H"));

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal("templates/t.model.json:1:1: DW5008: templates/nl/t.txt.hbs is missing", diagnostic.ToString());
    }

    [Fact]
    public void A_template_that_is_neither_an_email_nor_a_letter_is_reported()
    {
        using var folder = TemplateFolder.With(("t.model.json", Model), ("fr/t.subject.hbs", "S"));

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Contains("templates/fr/t needs .html.hbs and .txt.hbs (an e-mail) or .letter.hbs (a letter)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_an_unknown_type_is_reported_at_the_field()
    {
        using var folder = TemplateFolder.With(
            ("t.model.json", "{\n  \"fields\": {\n    \"name\": \"strin\"\n  }\n}"),
            ("fr/t.subject.hbs", "S"), ("fr/t.html.hbs", "H"), ("fr/t.txt.hbs", "T"));

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal((3, 5, "DW5009"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }

    private static IReadOnlyList<TemplateDiagnostic> Check(string html, params (string Path, string Text)[] more)
    {
        using var folder = TemplateFolder.With(
            [("t.model.json", Model), ("fr/t.subject.hbs", "Sujet {{name}}"), ("fr/t.html.hbs", html), ("fr/t.txt.hbs", "{{name}}"), .. more]);
        return folder.Load().Diagnostics;
    }
}
