using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.Forms;

/// <summary>
/// The forms generated from workflow input declarations, through the administrators' preview page (/Admin/Forms): every
/// action of every published workflow, and one workflow declaring every input type.
/// </summary>
public sealed class ActionFormPageTests(AdminSession session) : IClassFixture<AdminSession>
{
    [Fact]
    public async Task Every_action_of_every_published_workflow_has_a_form_whose_controls_are_labelled_and_described()
    {
        var problems = new List<string>();
        foreach (var (workflow, transition) in await ActionsAsync())
        {
            var (response, page) = await session.GetAsync(Address(workflow.Id, transition.Id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            problems.AddRange(FormChecks.Problems(page, Input(transition)).Select(p => $"{workflow.Id}/{transition.Id}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_action_form_posted_filled_in_gives_back_the_input_the_runtime_accepts()
    {
        var problems = new List<string>();
        foreach (var (workflow, transition) in await ActionsAsync())
        {
            var fields = Input(transition);
            var sample = SampleInput.For(fields);
            var (_, page) = await session.GetAsync(Address(workflow.Id, transition.Id));
            var filler = new FormFiller(page);
            filler.Fill(fields, sample);

            var response = await session.Browser.PostAsync(new Uri(Address(workflow.Id, transition.Id), UriKind.Relative), filler.Content(Form(page)));

            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var refused = await AdminSession.ParseAsync(html);
                problems.Add($"{workflow.Id}/{transition.Id}: {(int)response.StatusCode} {string.Join(" | ", refused.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent))}");
                continue;
            }

            var accepted = JsonNode.Parse((await AdminSession.ParseAsync(html)).QuerySelector("[data-testid=accepted-input]")!.TextContent)!.AsObject();
            if (!SameInput(sample, accepted))
            {
                problems.Add($"{workflow.Id}/{transition.Id}: sent {sample.ToJsonString()}, got back {accepted.ToJsonString()}");
            }

            var asInput = accepted.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));
            problems.AddRange(ActionInputChecker.Check(fields, asInput).Select(e => $"{workflow.Id}/{transition.Id}: {e.Message}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task A_form_draws_each_input_type_with_its_GOV_UK_component()
    {
        var (_, page) = await session.GetAsync(Address(EveryInputWorkflow.Id, EveryInputWorkflow.Transition));

        Assert.Equal("text", Control(page, "service").GetAttribute("type"));
        Assert.Equal("Telle que le devis la nomme. Au plus 80 caractères.", page.GetElementById("input-service-hint")!.TextContent);
        Assert.Equal("textarea", Control(page, "description").LocalName);
        Assert.Contains("Description (facultatif)", Field(page, "description").TextContent, StringComparison.Ordinal);
        Assert.Equal("€", Field(page, "amount").QuerySelector(".govuk-input__prefix")!.TextContent);
        Assert.Equal("En euros, par exemple 1 250,50. Entre 1,00 € et 50 000,00 €.", page.GetElementById("input-amount-hint")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Equal("decimal", Control(page, "rate").GetAttribute("inputmode"));
        Assert.Equal("numeric", Control(page, "staff").GetAttribute("inputmode"));
        Assert.NotNull(page.GetElementById("input-startsOn-day"));
        Assert.NotNull(page.GetElementById("input-startsOn-year"));
        Assert.Equal(["Oui", "Non"], Field(page, "sme").QuerySelectorAll(".govuk-radios__label").Select(l => l.TextContent));
        Assert.Equal(["Petite", "Moyenne", "Grande"], Field(page, "size").QuerySelectorAll(".govuk-radios__label").Select(l => l.TextContent));
        Assert.Equal("select", Control(page, "province").LocalName);
        Assert.Equal("email", Control(page, "contact").GetAttribute("type"));
        Assert.Equal("file", Control(page, "quote").GetAttribute("type"));
        Assert.Equal("application/pdf,.pdf", Control(page, "quote").GetAttribute("accept"));
        Assert.StartsWith("Formats acceptés : PDF. Taille maximale : 1 Mo.", page.GetElementById("input-quote-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("multipart/form-data", Form(page).GetAttribute("enctype"));
        Assert.NotNull(page.GetElementById("input-linked-0-number"));
        Assert.NotNull(page.GetElementById("input-invoice-invoicedAmount"));
        Assert.Equal("true", Control(page, "service").GetAttribute("aria-required"));
    }

    [Fact]
    public async Task The_form_is_in_English_when_the_person_chose_English()
    {
        var english = new HttpClient(session.App.Server.CreateHandler()) { BaseAddress = session.Browser.BaseAddress };
        english.DefaultRequestHeaders.Add("Accept-Language", "en");
        english.DefaultRequestHeaders.Add("Cookie", session.Cookies.GetCookieHeader(session.Browser.BaseAddress!));

        var page = await AdminSession.ParseAsync(await english.GetStringAsync(new Uri(Address(EveryInputWorkflow.Id, EveryInputWorkflow.Transition), UriKind.Relative)));

        Assert.Contains("Description (optional)", Field(page, "description").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Small", "Medium", "Large"], Field(page, "size").QuerySelectorAll(".govuk-radios__label").Select(l => l.TextContent));
        Assert.StartsWith("Accepted formats: PDF. Largest size: 1 MB.", page.GetElementById("input-quote-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In euros, for example 1,250.50. Between €1.00 and €50,000.00.", page.GetElementById("input-amount-hint")!.TextContent);
    }

    [Fact]
    public async Task A_refused_form_answers_422_with_a_summary_linking_each_error_to_its_field()
    {
        var address = Address(EveryInputWorkflow.Id, EveryInputWorkflow.Transition);
        var (_, page) = await session.GetAsync(address);

        var response = await session.Browser.PostAsync(new Uri(address, UriKind.Relative), new FormFiller(page).Content(Form(page)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = await AdminSession.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Erreur : ", refused.Title, StringComparison.Ordinal);
        var links = refused.QuerySelectorAll(".govuk-error-summary__list a").ToList();
        Assert.Contains(links, a => a.TextContent == "Renseignez « Prestation »." && a.GetAttribute("href") == "#input-service");
        Assert.Contains(links, a => a.TextContent == "Choisissez une réponse pour « PME »." && a.GetAttribute("href") == "#input-sme-0");
        Assert.Contains(links, a => a.TextContent == "Renseignez « Début »." && a.GetAttribute("href") == "#input-startsOn-day");
        Assert.Contains(links, a => a.TextContent == "Joignez le document « Devis »." && a.GetAttribute("href") == "#input-quote");
        Assert.Contains(links, a => a.TextContent == "Renseignez « Facture : Montant facturé »." && a.GetAttribute("href") == "#input-invoice-invoicedAmount");
        Assert.DoesNotContain(links, a => a.TextContent.Contains("Description", StringComparison.Ordinal)); // optional
        foreach (var link in links)
        {
            var target = refused.GetElementById(link.GetAttribute("href")![1..]);
            Assert.NotNull(target);
            Assert.NotNull(target.Closest(".govuk-form-group--error"));
        }

        Assert.Equal("input-service-hint input-service-error", Control(refused, "service").GetAttribute("aria-describedby"));
        Assert.Equal("Erreur : Renseignez « Prestation ».", refused.GetElementById("input-service-error")!.TextContent);
    }

    [Fact]
    public async Task Each_missing_field_of_an_object_is_asked_for_by_its_own_name_and_type()
    {
        var address = Address("label", "apply");
        var (_, page) = await session.GetAsync(address);

        var response = await session.Browser.PostAsync(new Uri(address, UriKind.Relative), new FormFiller(page).Content(Form(page)));

        var messages = (await AdminSession.ParseAsync(await response.Content.ReadAsStringAsync()))
            .QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Renseignez « Initiative : Nom de l'initiative ».", "Renseignez « Initiative : Site web ».",
            "Renseignez « Initiative : Catégorie du plan Digital Wallonia ».", "Renseignez « Version de la charte ».",
            "Ajoutez au moins une ligne à « Engagements de la charte ».", "Ajoutez au moins une ligne à « Justificatifs »."], messages);
    }

    [Fact]
    public async Task What_was_typed_comes_back_as_typed_with_the_error_said_for_people()
    {
        var address = Address(EveryInputWorkflow.Id, EveryInputWorkflow.Transition);
        var (_, page) = await session.GetAsync(address);
        var filler = new FormFiller(page);
        var sample = SampleInput.For(await InputAsync(EveryInputWorkflow.Id, EveryInputWorkflow.Transition));
        filler.Fill(await InputAsync(EveryInputWorkflow.Id, EveryInputWorkflow.Transition), sample);
        ((IHtmlInputElement)Control(page, "amount")).Value = "deux mille";
        ((IHtmlInputElement)Control(page, "partner")).Value = "0123.456.748";
        ((IHtmlInputElement)Control(page, "startsOn-month")).Value = "13";
        ((IHtmlInputElement)Control(page, "rate")).Value = "1,5";

        var response = await session.Browser.PostAsync(new Uri(address, UriKind.Relative), filler.Content(Form(page)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = await AdminSession.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("deux mille", Control(refused, "amount").GetAttribute("value"));
        Assert.Equal("Erreur : « Montant » doit être un montant en euros, par exemple 1 250,50.", refused.GetElementById("input-amount-error")!.TextContent);
        Assert.Equal("Erreur : « Partenaire » n'est pas un numéro d'entreprise valable (dix chiffres, par exemple 0123.456.749).",
            refused.GetElementById("input-partner-error")!.TextContent);
        Assert.Equal("13", Control(refused, "startsOn-month").GetAttribute("value"));
        Assert.Equal("Erreur : « Début » doit être une date réelle, par exemple 27 3 2026.", refused.GetElementById("input-startsOn-error")!.TextContent);
        Assert.Equal("Erreur : « Taux » doit être au plus 1.", refused.GetElementById("input-rate-error")!.TextContent);
        Assert.Equal(4, refused.QuerySelectorAll(".govuk-error-summary__list a").Length);
    }

    [Fact]
    public async Task Adding_a_row_shows_one_more_with_focus_on_it_and_removing_one_takes_it_away()
    {
        var address = Address(EveryInputWorkflow.Id, EveryInputWorkflow.Transition);
        var (_, page) = await session.GetAsync(address);
        ((IHtmlInputElement)Control(page, "linked-0-number")).Value = "0123456749";

        var added = await session.Browser.PostAsync(new Uri(address, UriKind.Relative),
            new FormFiller(page).Content(Form(page), (ActionForm.ListCommand, "add:linked")));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode); // still filling in: no refusal
        var withTwo = await AdminSession.ParseAsync(await added.Content.ReadAsStringAsync());
        Assert.Empty(withTwo.QuerySelectorAll(".govuk-error-summary"));
        Assert.Equal("0123456749", Control(withTwo, "linked-0-number").GetAttribute("value"));
        Assert.Equal(["input-linked-1-number"], withTwo.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Equal("Entreprises liées 2", withTwo.QuerySelector("[data-field=\"linked[1]\"] legend")!.TextContent.Trim());

        var removed = await session.Browser.PostAsync(new Uri(address, UriKind.Relative),
            new FormFiller(withTwo).Content(Form(withTwo), (ActionForm.ListCommand, "remove:linked[0]")));

        var withOne = await AdminSession.ParseAsync(await removed.Content.ReadAsStringAsync());
        Assert.Null(withOne.GetElementById("input-linked-1-number"));
        Assert.Equal(string.Empty, Control(withOne, "linked-0-number").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task Htmx_gets_the_form_s_region_alone_and_the_answer_varies_on_the_htmx_header()
    {
        var address = Address(EveryInputWorkflow.Id, EveryInputWorkflow.Transition);
        var (_, page) = await session.GetAsync(address);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, UriKind.Relative)) { Content = new FormFiller(page).Content(Form(page)) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", page.QuerySelector("meta[name=dw-antiforgery]")!.GetAttribute("content"));

        var response = await session.Browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"action-form\"", html.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_naming_no_action_is_404()
    {
        var (response, _) = await session.GetAsync(Address("rentic", "no-such-action"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Address(string workflow, string transition) =>
        $"/Admin/Forms?workflow={Uri.EscapeDataString(workflow)}&transition={Uri.EscapeDataString(transition)}";

    private static IReadOnlyList<InputField> Input(TransitionDefinition transition) => ((ActorActionTrigger)transition.Trigger).Input;

    private static IHtmlFormElement Form(IDocument page) => page.QuerySelector<IHtmlFormElement>("#action-form form")!;

    private static IElement Control(IDocument page, string path) =>
        page.GetElementById($"input-{path}") ?? throw new InvalidOperationException($"No control #input-{path}.");

    private static IElement Field(IDocument page, string path) =>
        page.QuerySelector($"[data-field=\"{path}\"]") ?? throw new InvalidOperationException($"No field {path}.");

    // Every action with input of the latest version of every published workflow: the shipped ones and every-input-test.
    private async Task<List<(WorkflowDefinition Workflow, TransitionDefinition Transition)>> ActionsAsync()
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitions>();
        var actions = new List<(WorkflowDefinition, TransitionDefinition)>();
        foreach (var id in db.PublishedWorkflows.Select(w => w.WorkflowId).Distinct().ToList())
        {
            var workflow = (await definitions.LatestAsync(db, id, CancellationToken.None))!;
            actions.AddRange(workflow.Transitions.Where(t => t.Trigger is ActorActionTrigger { Input.Count: > 0 }).Select(t => (workflow, t)));
        }

        Assert.Contains(actions, a => a.Item1.Id == "rentic");
        Assert.Contains(actions, a => a.Item1.Id == EveryInputWorkflow.Id);
        return actions;
    }

    private async Task<IReadOnlyList<InputField>> InputAsync(string workflow, string transition) =>
        Input((await ActionsAsync()).Single(a => a.Workflow.Id == workflow && a.Transition.Id == transition).Transition);

    // The same input: numbers compared as numbers (1250.50 is 1250.5), everything else as written.
    private static bool SameInput(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (JsonObject e, JsonObject a) => e.Count == a.Count && e.All(p => a.ContainsKey(p.Key) && SameInput(p.Value, a[p.Key])),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(p => SameInput(p.First, p.Second)),
        (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number =>
            decimal.Parse(e.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) == decimal.Parse(a.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        (JsonValue e, JsonValue a) => e.ToJsonString() == a.ToJsonString(),
        _ => expected is null && actual is null,
    };
}
