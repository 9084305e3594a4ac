using System.Text.Json;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Applications;

/// <summary>
/// Preparing an application on the portal and submitting it: the draft saved page by page (<see cref="ApplicationDraft"/>),
/// the company's SME declaration asked once and reused (<see cref="SmeDeclaration"/>), the labelled providers to choose
/// from, and the submission — checked as the runtime will check the submit action's input, then the dossier opened and
/// submitted through <see cref="DossierWorkflow"/>, the only way a dossier starts.
/// </summary>
public sealed class Applications(PlatformDbContext db, DossierWorkflow workflow, WorkflowDefinitions definitions, Registrations registrations,
    TimeProvider clock)
{
    /// <summary>The action whose input the application gathers.</summary>
    public const string SubmitAction = "submit";

    /// <summary>The input field holding the SME declaration (the voucher's, RENTIC's and the cybersecurity premium's submit).</summary>
    public const string DeclarationField = "declaration";

    /// <summary>
    /// A declaration describes the accounts closed on its date and is offered again until the next ones close, a year later
    /// (Recommendation 2003/361/EC, annex art. 4: the data of the last approved accounting period).
    /// </summary>
    public static DateOnly DeclarationValidity(DateOnly accountsClosedOn) => accountsClosedOn.AddYears(1);

    public Task<ApplicationDraft?> DraftAsync(string programme, EnterpriseNumber enterprise, CancellationToken cancellationToken) =>
        db.Set<ApplicationDraft>().SingleOrDefaultAsync(d => d.Programme == programme && d.EnterpriseNumber == enterprise.Digits, cancellationToken);

    /// <summary>The submit action's input fields in the programme's latest published workflow; empty when it has none.</summary>
    public async Task<IReadOnlyList<InputField>> SubmitInputAsync(string programme, CancellationToken cancellationToken)
    {
        var definition = await definitions.LatestAsync(db, programme, cancellationToken);
        return definition?.Transitions.Select(t => t.Trigger).OfType<ActorActionTrigger>().FirstOrDefault(a => a.Name == SubmitAction)?.Input ?? [];
    }

    /// <summary>Keeps a section's answers, creating the draft at its first save.</summary>
    public async Task<ApplicationDraft> SaveAsync(string programme, EnterpriseNumber enterprise, string section, IReadOnlyDictionary<string, JsonElement> answers,
        string by, CancellationToken cancellationToken)
    {
        var draft = await StartedAsync(programme, enterprise, by, cancellationToken);
        draft.Answer(section, answers, by, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Marks a section completed that asks nothing (the company's identity, shown from the register and confirmed).</summary>
    public async Task CompleteAsync(string programme, EnterpriseNumber enterprise, string section, string by, CancellationToken cancellationToken)
    {
        var draft = await StartedAsync(programme, enterprise, by, cancellationToken);
        draft.Complete(section, by, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Keeps the provider chosen; false when <paramref name="partyId"/> is not a labelled provider today.</summary>
    public async Task<bool> ChooseProviderAsync(string programme, EnterpriseNumber enterprise, long partyId, string section, string by,
        CancellationToken cancellationToken)
    {
        if ((await ProvidersAsync(cancellationToken)).All(p => p.PartyId != partyId))
        {
            return false;
        }

        var draft = await StartedAsync(programme, enterprise, by, cancellationToken);
        draft.ChooseProvider(partyId, section, by, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The providers labelled today, by name.</summary>
    public async Task<IReadOnlyList<Registration>> ProvidersAsync(CancellationToken cancellationToken) =>
        [.. (await registrations.ListAsync("provider", DeadlinePlanner.LegalDate(clock.GetUtcNow()), cancellationToken))
            .Where(r => r.InForce).DistinctBy(r => r.PartyId).OrderBy(r => r.PartyName, StringComparer.CurrentCulture)];

    /// <summary>The company's latest SME declaration still describing its last closed accounts, or null.</summary>
    public async Task<SmeDeclaration?> DeclarationAsync(EnterpriseNumber enterprise, CancellationToken cancellationToken)
    {
        var today = DeadlinePlanner.LegalDate(clock.GetUtcNow());
        var latest = await db.Set<SmeDeclaration>().AsNoTracking().Where(d => d.EnterpriseNumber == enterprise.Digits)
            .OrderByDescending(d => d.AccountsClosedOn).FirstOrDefaultAsync(cancellationToken);
        return latest is not null && today <= DeclarationValidity(latest.AccountsClosedOn) ? latest : null;
    }

    /// <summary>Keeps the company's declaration for the accounts closed on <paramref name="accountsClosedOn"/> (replacing one for the same accounts).</summary>
    public async Task DeclareAsync(EnterpriseNumber enterprise, DateOnly accountsClosedOn, JsonElement declaration, string by, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SmeDeclaration>()
            .SingleOrDefaultAsync(d => d.EnterpriseNumber == enterprise.Digits && d.AccountsClosedOn == accountsClosedOn, cancellationToken);
        if (existing is not null)
        {
            db.Remove(existing);
        }

        db.Add(new SmeDeclaration(enterprise.Digits, accountsClosedOn, declaration.GetRawText(), by, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The submit action's input from the draft and the company's declaration: what the check-answers page shows and what
    /// is submitted.
    /// </summary>
    public async Task<Dictionary<string, JsonElement>> InputAsync(ApplicationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var input = new Dictionary<string, JsonElement>(draft.Answers, StringComparer.Ordinal);
        if (await DeclarationAsync(EnterpriseNumber.Parse(draft.EnterpriseNumber), cancellationToken) is { } declaration)
        {
            input[DeclarationField] = JsonDocument.Parse(declaration.DeclarationJson).RootElement.Clone();
        }

        return input;
    }

    /// <summary>
    /// Submits the draft: its input checked as the runtime checks it (nothing is opened when a field is refused), then the
    /// dossier opened with the company as applicant and the chosen provider, and the submit action fired as
    /// the person (<paramref name="subject"/>) acting for the company with their mandate's <paramref name="roles"/>. The draft is removed once the dossier is submitted.
    /// </summary>
    public async Task<SubmittedApplication> SubmitAsync(ApplicationDraft draft, string subject, string name, IReadOnlyList<string> roles,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var fields = await SubmitInputAsync(draft.Programme, cancellationToken);
        var input = await InputAsync(draft, cancellationToken);
        var errors = ActionInputChecker.Check(fields, input);
        if (errors.Count > 0 || draft.ProviderPartyId is not { } providerId)
        {
            return new SubmittedApplication(null, errors);
        }

        EnterpriseNumber? number = EnterpriseNumber.Parse(draft.EnterpriseNumber);
        var company = await db.Parties.FirstOrDefaultAsync(p => p.EnterpriseNumber == number, cancellationToken)
            ?? throw new InvalidOperationException($"The enterprise {number} is not known to the platform.");
        var provider = await db.Parties.SingleAsync(p => p.Id == providerId, cancellationToken);
        var actor = new Actor(subject, name, roles, company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var amount = input.TryGetValue("requestedAmount", out var requested) && requested.ValueKind == JsonValueKind.Number ? requested.GetDecimal() : (decimal?)null;
        using var noFacts = JsonDocument.Parse("{}");
        var (dossier, _) = await workflow.OpenAsync(draft.Programme, [(company, DossierRoles.Applicant), (provider, DossierRoles.Provider)], noFacts.RootElement,
            actor, DeadlinePlanner.LegalDate(clock.GetUtcNow()), amount, cancellationToken);
        var report = await workflow.FireAsync(dossier.Reference, new ActorActionFired(SubmitAction) { Input = input }, actor, cancellationToken);
        if (!report.Accepted)
        {
            return new SubmittedApplication(null, report.Rejection?.FieldErrors ?? []);
        }

        db.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        return new SubmittedApplication(report.Reference, []);
    }

    private async Task<ApplicationDraft> StartedAsync(string programme, EnterpriseNumber enterprise, string by, CancellationToken cancellationToken)
    {
        if (await DraftAsync(programme, enterprise, cancellationToken) is { } draft)
        {
            return draft;
        }

        draft = new ApplicationDraft(programme, enterprise.Digits, by, clock.GetUtcNow());
        db.Add(draft);
        return draft;
    }
}

/// <summary>A submission's outcome: the dossier's reference, or the fields refused (nothing opened).</summary>
public sealed record SubmittedApplication(string? Reference, IReadOnlyList<InputFieldError> Errors);
