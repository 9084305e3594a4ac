using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalWallonia.Platform.Tests.Notifications;

public class TemplateRenderingTests
{
    private static readonly TemplateRenderer Renderer = new(TemplateFolder.RepositoryCatalogue, NullLogger<TemplateRenderer>.Instance);

    [Theory]
    [InlineData("fr", "mardi 31 mars 2026")]
    [InlineData("nl", "dinsdag 31 maart 2026")]
    [InlineData("de", "Dienstag, 31. März 2026")]
    [InlineData("en", "Tuesday 31 March 2026")]
    public void Dates_are_written_in_words_in_each_language(string language, string expected)
    {
        Assert.Equal(expected, LocalFormats.Date(new DateOnly(2026, 3, 31), language));
    }

    [Theory]
    [InlineData("fr", "1\u202F234,56\u00A0€")]
    [InlineData("de", "1.234,56\u00A0€")]
    [InlineData("nl", "€\u00A01.234,56")]
    public void Amounts_use_the_belgian_forms_with_spaces_that_do_not_break(string language, string expected)
    {
        Assert.Equal(expected, LocalFormats.Money(1234.56m, language));
    }

    [Theory]
    [InlineData("fr", 0.5, "50\u00A0%")]
    [InlineData("en", 0.75, "75%")]
    [InlineData("de", 0.125, "12,5\u00A0%")]
    public void Rates_held_as_fractions_are_written_as_percentages(string language, double fraction, string expected)
    {
        Assert.Equal(expected, LocalFormats.Percent((decimal)fraction, language));
    }

    [Fact]
    public void An_instant_late_in_the_evening_utc_is_already_the_next_day_in_brussels()
    {
        Assert.True(LocalFormats.TryReadDate("2026-03-31T22:30:00Z", out var date));

        Assert.Equal(new DateOnly(2026, 4, 1), date);
    }

    [Fact]
    public void A_french_email_has_its_subject_its_html_inside_the_layout_and_its_text()
    {
        var rendered = Renderer.Render("dossier-received", "fr", Example("dossier-received"));

        Assert.Equal("fr", rendered.Language);
        Assert.Equal("Votre demande RENTIC-2026-000123 a bien été reçue", rendered.Subject);
        Assert.StartsWith("<!DOCTYPE html>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("le mardi 31 mars 2026, la demande", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>24\u202F000,00\u00A0€</strong>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Référence</td><td style=\"padding:4px 12px;font-weight:bold;\">RENTIC-2026-000123", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("merci de ne pas y répondre", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Montant demandé : 24\u202F000,00\u00A0€\n", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&", rendered.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_html_escaped_in_the_html_part_only()
    {
        var model = Example("dossier-received");
        model["company"]!["name"] = "Dupont & Fils <SRL>";

        var rendered = Renderer.Render("dossier-received", "fr", model);

        Assert.Contains("Dupont &amp; Fils &lt;SRL&gt;", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Dupont & Fils <SRL>", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recipients_language_is_used_when_the_template_exists_in_it()
    {
        var rendered = Renderer.Render("dossier-received", "nl", Example("dossier-received"));

        Assert.Equal("nl", rendered.Language);
        Assert.Equal("Uw aanvraag RENTIC-2026-000123 werd goed ontvangen", rendered.Subject);
        Assert.Contains("Op dinsdag 31 maart 2026 hebben wij", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Waalse Overheidsdienst", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_the_template_does_not_exist_in_falls_back_to_french()
    {
        var rendered = Renderer.Render("deadline-reminder", "nl", Example("deadline-reminder"));

        Assert.Equal("fr", rendered.Language);
        Assert.StartsWith("Rappel – VOUCHER-2026-000042", rendered.Subject, StringComparison.Ordinal);
        Assert.Contains("arrive le mardi 30 juin 2026", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_lists_every_item_and_optional_fields_may_be_absent()
    {
        var model = Example("documents-requested");
        model["documents"] = new JsonArray(new JsonObject { ["title"] = "Bilan 2025" }, new JsonObject { ["title"] = "Offre", ["note"] = "signée" });

        var rendered = Renderer.Render("documents-requested", "en", model);

        Assert.Contains("- Bilan 2025\n- Offre — signée\n", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("the following 2 documents", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_is_an_a4_page_without_a_text_part()
    {
        var rendered = Renderer.Render("decision-letter", "de", Example("decision-letter"), TemplateKind.Letter);

        Assert.Equal(TemplateKind.Letter, rendered.Kind);
        Assert.Null(rendered.Text);
        Assert.Contains("@page { size: A4;", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Namur, den Dienstag, 31. März 2026", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>18.750,00\u00A0€</strong>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_may_be_both_an_email_and_a_letter()
    {
        var model = Example("voucher-granted");

        var email = Renderer.Render("voucher-granted", "fr", model);
        var letter = Renderer.Render("voucher-granted", "fr", model, TemplateKind.Letter);

        Assert.Equal(email.Subject, letter.Subject);
        Assert.Contains("<html lang=\"fr\">", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("@page", email.Html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", letter.Html, StringComparison.Ordinal);
        Assert.Contains("ce chèque vous est <strong>accordé</strong>", letter.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_the_letter_of_an_email_only_template_is_refused()
    {
        var e = Assert.Throws<TemplateException>(() => Renderer.Render("dossier-received", "fr", Example("dossier-received"), TemplateKind.Letter));

        Assert.Contains("has no letter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_missing_a_required_field_is_refused_with_its_path()
    {
        var model = Example("dossier-received");
        model["dossier"]!.AsObject().Remove("reference");

        var e = Assert.Throws<TemplateException>(() => Renderer.Render("dossier-received", "fr", model));

        Assert.Contains("$.dossier.reference is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parent_paths_inside_each_and_if_reach_the_enclosing_context_as_the_checker_assumes()
    {
        using var folder = TemplateFolder.With(
            ("t.model.json", """{ "fields": { "name": "string", "items": { "type": "array", "items": { "type": "object", "fields": { "title": "string" } } } } }"""),
            ("fr/t.subject.hbs", "s"),
            ("fr/t.html.hbs", "h"),
            ("fr/t.txt.hbs", "{{#each items}}{{#if title}}{{title}}/{{../name}};{{/if}}{{/each}}"));
        var catalogue = folder.Load();
        Assert.Empty(catalogue.Diagnostics);

        var rendered = new TemplateRenderer(catalogue, NullLogger<TemplateRenderer>.Instance)
            .Render("t", "fr", JsonNode.Parse("""{ "name": "N", "items": [ { "title": "a" }, { "title": "b" } ] }"""));

        Assert.Equal("a/N;b/N;\n", rendered.Text);
    }

    internal static JsonObject Example(string key) =>
        ModelData.Example(TemplateFolder.RepositoryCatalogue.Models[key].Root)!.AsObject();
}
