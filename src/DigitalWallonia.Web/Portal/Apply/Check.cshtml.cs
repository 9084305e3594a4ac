using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Applications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Portal.Apply;

/// <summary>
/// "Vérifier vos réponses": every answer with a link to change it, then the submission — the dossier is opened and
/// submitted through the workflow; a field the runtime would refuse sends the person back with the reason, nothing opened.
/// </summary>
public sealed class CheckModel(Applications applications, PlatformDbContext db) : ApplyPageModel(applications, db)
{
    private readonly PlatformDbContext _db = db;

    public sealed record Answer(string Label, string Value, string Section);

    public IReadOnlyList<Answer> Answers { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        if (Draft is null)
        {
            return Redirect(Home);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        if (Draft is null)
        {
            return Redirect(Home);
        }

        var submitted = await Applications.SubmitAsync(Draft, Person.Subject, Person.DisplayName, MandateRoles(), cancellationToken);
        if (submitted.Reference is { } reference)
        {
            return Redirect($"/Portal/Apply/Confirmation/{reference}");
        }

        await LoadAsync(cancellationToken);
        Problems = submitted.Errors.Count == 0 ? [Ui.T("apply.check.incomplete")] : [.. submitted.Errors.Select(e => $"{e.Field} : {e.Message}")];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var input = await Applications.InputAsync(Draft!, cancellationToken);
        var provider = Draft!.ProviderPartyId is { } id ? await _db.Parties.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var declaration = await Applications.DeclarationAsync(Company.Number, cancellationToken);
        var enterprise = input.TryGetValue(Applications.DeclarationField, out var d) && d.TryGetProperty("enterprise", out var e) ? e : default;
        Answers =
        [
            new(Ui.T("apply.company.name"), Company.Label, "entreprise"),
            new(Ui.T("apply.provider.label"), provider ?? "", "prestataire"),
            new(Ui.T("apply.answer.service"), Text(input, "service"), "prestation"),
            new(Ui.T("apply.answer.amount"), Money(input.GetValueOrDefault("requestedAmount")), "prestation"),
            new(Ui.T("apply.accounts.label"), declaration?.AccountsClosedOn.ToString("d", CultureInfo.CurrentCulture) ?? "", "declaration"),
            new(Ui.T("apply.answer.staff"), Number(enterprise, "staffHeadcount"), "declaration"),
            new(Ui.T("apply.answer.turnover"), Money(enterprise.ValueKind == JsonValueKind.Object && enterprise.TryGetProperty("annualTurnover", out var t) ? t : default), "declaration"),
        ];
    }

    private static string Text(IReadOnlyDictionary<string, JsonElement> input, string key) =>
        input.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Money(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? string.Format(CultureInfo.CurrentCulture, "{0:N2} €", value.GetDecimal()) : "";

    private static string Number(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal().ToString("G", CultureInfo.CurrentCulture) : "";
}
