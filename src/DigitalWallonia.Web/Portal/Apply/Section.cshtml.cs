using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Applications;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Shared;
using DigitalWallonia.Web.Shared.Forms;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;

namespace DigitalWallonia.Web.Portal.Apply;

/// <summary>
/// One section of the application, one topic: the company as the register knows it (shown, confirmed, never retyped),
/// the labelled provider, the service and its amount, and the SME declaration — kept per company with the closing date of
/// the accounts it describes and offered again to the next application. The fields are the workflow's submit input
/// (Shared/Forms), checked as the runtime will check them; each "continue" saves the draft and goes back to the task list.
/// </summary>
public sealed class SectionModel(Applications applications, PlatformDbContext db, CompanyFacts companies) : ApplyPageModel(applications, db)
{
    /// <summary>The submit input fields the service section asks.</summary>
    public static readonly IReadOnlyList<string> ServiceFields = ["service", "requestedAmount"];

    public const string AccountsField = "accountsClosedOn";

    public const string ProviderField = "provider";

    [BindProperty(SupportsGet = true)]
    public string Section { get; set; } = "";

    public ActionForm? Form { get; private set; }

    public JsonObject? Register { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        Form = ActionForm.Create(await FieldsAsync(cancellationToken), await ValuesAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        var by = Person.Subject;
        if (Section == "entreprise")
        {
            await Applications.CompleteAsync(Programme, Company.Number, Section, by, cancellationToken);
            return Redirect(Home);
        }

        Form = ActionForm.Read(await FieldsAsync(cancellationToken), Request.Form);
        if (Form.IsEditing)
        {
            return Page();
        }

        Form = Form.Checked();
        if (!Form.HasErrors)
        {
            switch (Section)
            {
                case "prestataire":
                    var chosen = long.Parse(Form.Input[ProviderField].GetString()!, CultureInfo.InvariantCulture);
                    if (!await Applications.ChooseProviderAsync(Programme, Company.Number, chosen, Section, by, cancellationToken))
                    {
                        Form = Form.WithError(ProviderField, Ui.T("apply.provider.gone"));
                    }

                    break;
                case "prestation":
                    await Applications.SaveAsync(Programme, Company.Number, Section, Form.Input, by, cancellationToken);
                    break;
                default:
                    var closedOn = DateOnly.ParseExact(Form.Input[AccountsField].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    await Applications.DeclareAsync(Company.Number, closedOn, Form.Input[Applications.DeclarationField], by, cancellationToken);
                    await Applications.CompleteAsync(Programme, Company.Number, Section, by, cancellationToken);
                    break;
            }
        }

        if (Form.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect(Home);
    }

    private async Task<IActionResult?> StartAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        if (!Sections.Contains(Section))
        {
            return NotFound();
        }

        if (Section == "entreprise")
        {
            Register = await companies.ForAsync(Company.Number, cancellationToken);
        }

        return null;
    }

    private async Task<IReadOnlyList<InputField>> FieldsAsync(CancellationToken cancellationToken)
    {
        var submit = await Applications.SubmitInputAsync(Programme, cancellationToken);
        return Section switch
        {
            "prestataire" =>
            [
                new InputField(ProviderField, InputFieldType.Choice)
                {
                    Label = Text("apply.provider.label"),
                    Help = Text("apply.provider.help"),
                    Options = [.. (await Applications.ProvidersAsync(cancellationToken)).Select(p => new InputOption(
                        p.PartyId.ToString(CultureInfo.InvariantCulture), LocalizedText.French(p.EnterpriseNumber is { } n ? $"{p.PartyName} (BE {n})" : p.PartyName)))],
                },
            ],
            "prestation" => [.. submit.Where(f => ServiceFields.Contains(f.Key))],
            "declaration" =>
            [
                new InputField(AccountsField, InputFieldType.Date) { Label = Text("apply.accounts.label"), Help = Text("apply.accounts.help") },
                .. submit.Where(f => f.Key == Applications.DeclarationField),
            ],
            _ => [],
        };
    }

    private async Task<IReadOnlyDictionary<string, JsonElement>?> ValuesAsync(CancellationToken cancellationToken)
    {
        switch (Section)
        {
            case "prestataire" when Draft?.ProviderPartyId is { } provider:
                return new Dictionary<string, JsonElement> { [ProviderField] = JsonSerializer.SerializeToElement(provider.ToString(CultureInfo.InvariantCulture)) };
            case "prestation" when Draft is not null:
                return Draft.Answers;
            case "declaration" when await Applications.DeclarationAsync(Company.Number, cancellationToken) is { } declaration:
                return new Dictionary<string, JsonElement>
                {
                    [AccountsField] = JsonSerializer.SerializeToElement(declaration.AccountsClosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    [Applications.DeclarationField] = JsonDocument.Parse(declaration.DeclarationJson).RootElement.Clone(),
                };
            default:
                return null;
        }
    }

    private static LocalizedText Text(string key) =>
        new(new Dictionary<string, string> { ["fr"] = Ui.In("fr", key), ["en"] = Ui.In("en", key) });
}
