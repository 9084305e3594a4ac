using System.Runtime.CompilerServices;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>
/// The rule studio: one policy officer lowers the RENTIC ceiling in the editor, sees a typo's diagnostic at its line
/// while typing, fixes it and saves, makes a demo dossier's evaluation a test case and replays the draft on the past
/// evaluations; a second officer reads the change, approves and publishes; the platform then evaluates with the new
/// version from its date and keeps the old one before it.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class StudioJourneyTests(DemoBrowserFixture fixture)
{
    [ChromiumFact]
    public async Task An_officer_lowers_a_ceiling_fixes_a_typo_at_its_line_and_a_second_officer_approves_and_publishes()
    {
        var site = await OpenAsync();
        var page = site.Page;
        await site.SignInAsync("Nadia Benali");
        await site.OpenAsync("/Studio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau brouillon de rentic-amount v1" }).ClickAsync();
        await page.WaitForURLAsync("**/Studio/Draft/**");
        await site.CheckedAsync();
        var draftUrl = site.Path;
        await Assertions.Expect(page.GetByTestId("rule-editor")).ToBeVisibleAsync(); // CodeMirror in place of the textarea

        var original = await page.Locator("#source").InputValueAsync();
        var lowered = RuleSetSources.LowerCeiling(original, "2030-01-01", 40_000);
        var typo = lowered.Replace("\"eligibleCost > 0\"", "\"eligibleCosst > 0\"", StringComparison.Ordinal);
        var line = RuleSetSources.LineOf(typo, "eligibleCosst");

        await site.HtmxAsync(() => ReplaceTextAsync(page, typo));
        await Assertions.Expect(page.GetByTestId("diagnostics")).ToContainTextAsync($"Ligne {line}, colonne 24 : DW1020");
        await Assertions.Expect(page.Locator(".cm-lintRange-error").First).ToBeVisibleAsync(); // marked in the text as well

        await site.HtmxAsync(() => ReplaceTextAsync(page, lowered));
        await Assertions.Expect(page.GetByTestId("diagnostics-none")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await site.CheckedAsync();
        await Assertions.Expect(page.GetByText("Brouillon enregistré.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Vous êtes l'auteur de ce brouillon")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approuver" })).ToHaveCountAsync(0);

        // A granted demo dossier's evaluation becomes a test case in one click; its expectation holds under the draft.
        await page.GetByRole(AriaRole.Button, new() { Name = "En faire un test : évaluation de" }).First.ClickAsync();
        await site.CheckedAsync();
        await Assertions.Expect(page.GetByText("Test ajouté au brouillon")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("tests-summary")).ToContainTextAsync(", 0 en échec");

        // Replayed on the past evaluations: a ceiling lowered from 2030 changes none of them.
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2020-01-01");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2029-12-31");
        await site.HtmxAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Rejouer" }).ClickAsync());
        await Assertions.Expect(page.GetByTestId("replay-summary")).ToContainTextAsync("0 deviennent inéligibles, 0 deviennent éligibles, 0 montant(s) changent");
        Assert.DoesNotContain(" 0 évaluation(s) rejouée(s)", " " + await page.GetByTestId("replay-summary").InnerTextAsync(), StringComparison.Ordinal);

        await site.SignOutAsync();
        await site.SignInAsync("Pierre Collard");
        await site.OpenAsync(draftUrl);
        var diff = page.GetByTestId("diff");
        await Assertions.Expect(diff.GetByRole(AriaRole.Row, new() { Name = "parameter maxAid from 2030-01-01" }).First).ToContainTextAsync("40000");
        await Assertions.Expect(diff.GetByRole(AriaRole.Row, new() { Name = "ValidFrom" })).ToContainTextAsync("2030-01-01");
        await site.HtmxAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync());
        await Assertions.Expect(page.GetByTestId("approval-state")).ToContainTextAsync("Approuvé par pierre.collard");
        await site.HtmxAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync());
        await Assertions.Expect(page.GetByTestId("published")).ToContainTextAsync("Publié");

        var rules = fixture.Services.GetRequiredService<RuleLibrary>().Registry;
        Assert.Equal(2, rules.Resolve("rentic-amount", new DateOnly(2030, 1, 1))!.Version);
        Assert.Equal(1, rules.Resolve("rentic-amount", new DateOnly(2029, 12, 31))!.Version);
        await site.OpenAsync("/Studio");
        await Assertions.Expect(page.GetByTestId("programme-rentic").GetByRole(AriaRole.Row, new() { Name = "rentic-amount" }).Last).ToContainTextAsync("nadia.benali ; pierre.collard");
    }

    private static Task ReplaceTextAsync(IPage page, string text) =>
        page.EvaluateAsync("text => { const view = document.querySelector('#source').dwEditor; view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }); }", text);

    private Task<SitePage> OpenAsync([CallerMemberName] string name = "") => SitePage.StartAsync(fixture, name);
}
