using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// Adds everything an accepted firing produced to the context, in the runtime's order, for the caller's single
/// SaveChanges: the state and dates, history, evaluation snapshots, audit events, outbox rows, deadlines with their
/// reminders, field values, decisions and instalments.
/// </summary>
public sealed class OutcomeWriter(
    PlatformDbContext db,
    AuditTrail audit,
    DeadlinePlanner planner,
    NotificationQueue notifications,
    DocumentIssuer documents,
    Certificates.CertificateIssuer certificates,
    AidLedger ledger,
    IOptions<ProgrammeAidOptions> aid)
{
    /// <summary>
    /// Adds <paramref name="outcome"/>; its history entries are numbered after the history loaded with the dossier. Reads
    /// nothing from the database for the bookkeeping: deadlines are cancelled and listed in letters from
    /// <see cref="LoadedDossier.Deadlines"/>, to which the deadlines created here are added.
    /// </summary>
    public async Task WriteAsync(LoadedDossier loaded, WorkflowDefinition definition, WorkflowOutcome outcome, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var dossier = loaded.Dossier;
        var facts = JsonNode.Parse(dossier.FactsJson)?.AsObject() ?? [];
        var sequence = loaded.History.Count;
        foreach (var entry in outcome.NewHistory)
        {
            db.DossierHistory.Add(new DossierHistoryEntry(dossier.Id, ++sequence, entry.TransitionId, entry.Trigger, entry.Action,
                entry.SubjectId, entry.PartyId, entry.At, entry.From, entry.To,
                entry.Input.Count == 0 ? null : CanonicalJson.Serialize(ToObject(entry.Input)),
                entry.PersonalInput.Count == 0 ? null : CanonicalJson.Serialize(ToObject(entry.PersonalInput))));
        }

        foreach (var effect in outcome.Effects)
        {
            switch (effect)
            {
                case RuleSetEvaluated evaluated:
                    db.EvaluationSnapshots.Add(Snapshot(dossier.Id, evaluated, now));
                    break;
                case NotificationRequested notification:
                    await notifications.QueueAsync(dossier, loaded.OpenDeadlines, notification.Template, notification.Recipients, now, cancellationToken);
                    break;
                case DeadlineCreated created:
                    loaded.Deadlines.Add(CreateDeadline(dossier, definition, created, now));
                    break;
                case DeadlineCancelled cancelled:
                    foreach (var deadline in loaded.OpenDeadlines.Where(d => d.Kind == cancelled.Kind).ToList())
                    {
                        deadline.Cancel(now);
                    }

                    break;
                case DossierFieldSet field:
                    FactPaths.Set(facts, field.Field, JsonNode.Parse(field.Value.GetRawText()));
                    dossier.ReplaceFacts(facts.ToJsonString()); // later messages and letters of this firing show it (a label's validUntil)
                    dossier.RecordFactSource(field.Field, new FactProvenance(FactSources.Decided, field.DecidedBy, now));
                    break;
                case DossierFactSet fact:
                    FactPaths.Set(facts, fact.Fact, JsonNode.Parse(fact.Value.GetRawText()));
                    dossier.ReplaceFacts(facts.ToJsonString());
                    dossier.RecordFactSource(fact.Fact, fact.Provenance);
                    break;
                case DecisionRequested requested:
                    var decision = new Decision(dossier.Id, requested.Decision, AmountOf(requested.Evaluation) ?? GrantedAmount(facts), null,
                        requested.Evaluation?.ExplanationJson ?? "{}", requested.DecidedBy, requested.CountersignedBy, requested.DecidedOn,
                        requested.RuleSet, requested.Evaluation?.RuleSetVersion, null, now);
                    db.Decisions.Add(decision);
                    audit.Append(db, dossier, AuditedRecords.DecisionRecorded, actor.SubjectId, PartyId(actor), AuditedRecords.Decision(decision));
                    dossier.RecordDecisionDate(requested.DecidedOn); // the letter issued in the same firing is dated
                    if (aid.Value.TermsFor(dossier.Programme, requested.DecidedOn) is { } terms)
                    {
                        await ledger.FollowDecisionAsync(decision, terms, cancellationToken); // the aid ledger follows decisions
                    }

                    break;
                case InstalmentScheduled instalment:
                    var planned = new Instalment(dossier.Id, instalment.Instalment, Money(instalment.Amount, instalment.Output),
                        instalment.Due is null ? null : planner.DueAt(definition, instalment.Due, now), instalment.RuleSet, now);
                    db.Instalments.Add(planned);
                    audit.Append(db, dossier, AuditedRecords.InstalmentScheduled, actor.SubjectId, PartyId(actor), AuditedRecords.Instalment(planned));
                    break;
                case DocumentRequested document:
                    // The letter model loads the parties and their contacts, which the letter's language is taken from.
                    var letterModel = await notifications.LetterModelAsync(dossier, loaded.OpenDeadlines, cancellationToken);
                    var issued = Certificates.CertificateIssuer.Issues(document.Document)
                        ? await certificates.IssueAsync(db, dossier, document.Document, document.Template, LetterLanguage(dossier), facts, actor.SubjectId, now, cancellationToken)
                        : await documents.IssueAsync(db, dossier.Id, document.Document, document.Template, LetterLanguage(dossier),
                            letterModel, actor.SubjectId, supersedesId: null, cancellationToken);
                    audit.Append(db, dossier, "document-issued", actor.SubjectId, PartyId(actor),
                        new JsonObject { ["document"] = document.Document, ["template"] = document.Template, ["sha256"] = issued.Sha256 });
                    break;
                case AuditRecorded recorded:
                    audit.Append(db, dossier, recorded.Event, recorded.SubjectId, PartyId(recorded.PartyId),
                        new JsonObject
                        {
                            ["workflow"] = $"{definition.Id}@v{definition.Version}",
                            ["transition"] = recorded.TransitionId,
                            ["from"] = recorded.From,
                            ["to"] = recorded.To,
                            ["trigger"] = recorded.Trigger,
                            ["input"] = new JsonArray([.. recorded.InputFields.Select(f => (JsonNode)f)]),
                        },
                        new JsonObject { ["actor"] = recorded.ActorDisplayName });
                    break;
                case StateChanged:
                    break; // the final state is written below, once
                default:
                    throw new InvalidOperationException($"The workflow effect {effect.GetType().Name} has no writer.");
            }
        }

        dossier.MoveTo(outcome.State);
        if (outcome.Dates.DecidedOn is { } decidedOn && dossier.DecidedOn != decidedOn)
        {
            dossier.RecordDecisionDate(decidedOn);
        }

        dossier.ReplaceFacts(facts.ToJsonString());

        // Always an update of the dossier row, so that its version check decides between concurrent firings.
        db.Entry(dossier).Property(d => d.State).IsModified = true;
    }

    /// <summary>
    /// The payment system's <c>payment-confirmed</c> event, accepted by the workflow: the planned instalment its payload
    /// names (<c>instalment</c>, required; an event naming none or one not planned is refused and nothing is saved) is marked paid and the payment enters the aid ledger when the dossier's
    /// aid is there, on the payload's <c>paidOn</c> day (the legal date of <paramref name="now"/> otherwise).
    /// </summary>
    public async Task ConfirmPaymentAsync(Dossier dossier, IReadOnlyDictionary<string, JsonElement> payload, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(payload);
        var named = payload.TryGetValue("instalment", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        var paidOn = payload.TryGetValue("paidOn", out var day) && day.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(day.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed : DeadlinePlanner.LegalDate(now);
        var planned = await db.Instalments
            .Where(i => i.DossierId == dossier.Id && i.Status == "planned")
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var list = planned.Count == 0 ? "none is planned" : $"planned: {string.Join(", ", planned.Select(i => i.Name).Distinct())}";
        if (string.IsNullOrWhiteSpace(named))
        {
            // One confirmation pays one instalment: an event that names none used to mark every planned one paid.
            throw new PaymentNotRecordedException(
                $"{dossier.Reference}: {DossierWorkflow.PaymentConfirmed} must name the instalment paid in its payload's \"instalment\" ({list}); nothing was recorded.");
        }

        var instalments = planned.Where(i => i.Name == named).Take(1).ToList();
        if (instalments.Count == 0)
        {
            throw new PaymentNotRecordedException(
                $"{dossier.Reference}: {DossierWorkflow.PaymentConfirmed} names the instalment '{named}', which is not planned ({list}); nothing was recorded.");
        }

        var inLedger = instalments.Count > 0 && await db.AidGrants.AnyAsync(a => a.DossierId == dossier.Id, cancellationToken);
        foreach (var instalment in instalments)
        {
            instalment.MarkPaid(now);
            audit.Append(db, dossier, AuditedRecords.InstalmentPaid, Actor.System.SubjectId, null, AuditedRecords.Instalment(instalment));
            if (inLedger)
            {
                await ledger.RecordPaymentAsync(dossier.Id, paidOn, instalment.Amount, cancellationToken);
            }
        }
    }

    private Deadline CreateDeadline(Dossier dossier, WorkflowDefinition definition, DeadlineCreated created, DateTimeOffset now)
    {
        var deadline = planner.Create(dossier.Id, definition, created.Kind, created.ForState, created.Scope == DeadlineScope.Dossier,
            created.StartsAt, created.Duration, created.Reminders, now);
        db.Deadlines.Add(deadline);
        return deadline;
    }

    private static EvaluationSnapshot Snapshot(long dossierId, RuleSetEvaluated evaluated, DateTimeOffset now)
    {
        var request = evaluated.Request;
        var outcome = evaluated.Outcome;
        var factsJson = CanonicalJson.Serialize(ToObject(request.Facts));
        var inputJson = CanonicalJson.Serialize(ToObject(request.Input));
        return new EvaluationSnapshot(
            dossierId,
            request.RuleSet,
            outcome.RuleSetVersion,
            request.AsOf.ToString().ToLowerInvariant(),
            request.AsOfDate,
            factsJson,
            CanonicalJson.Sha256(factsJson + "\n" + inputJson),
            inputJson,
            outcome.Passed,
            CanonicalJson.Serialize(outcome.RuleResults),
            CanonicalJson.Serialize(outcome.SuccessEvents),
            CanonicalJson.Serialize(ToObject(outcome.Outputs)),
            outcome.ExplanationJson,
            Kebab(evaluated.Purpose.ToString()),
            now);
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonElement> values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values)
        {
            result[name] = JsonNode.Parse(value.GetRawText());
        }

        return result;
    }

    private static decimal? AmountOf(GuardOutcome? evaluation) =>
        evaluation is not null && evaluation.Outputs.TryGetValue("amount", out var amount) && amount.ValueKind == JsonValueKind.Number
            ? Math.Round(amount.GetDecimal(), 2, MidpointRounding.AwayFromZero)
            : null;

    // A decision taken without evaluating again in the same firing grants what was fixed earlier (setField grantedAmount).
    private static decimal? GrantedAmount(JsonObject facts) =>
        facts["grantedAmount"] is JsonValue value && value.TryGetValue<decimal>(out var amount) ? amount : null;

    private static decimal Money(JsonElement value, string output) =>
        value.ValueKind == JsonValueKind.Number
            ? Math.Round(value.GetDecimal(), 2, MidpointRounding.AwayFromZero)
            : throw new InvalidOperationException($"Rule output '{output}' is {value.ValueKind}, not an amount.");

    private static long? PartyId(Actor actor) => PartyId(actor.PartyId);

    // Letters go out in the language of the applicant's first contact (loaded with the notifications), or of the first
    // other party with one when there is no applicant (a label's promoter), French otherwise.
    private static string LetterLanguage(Dossier dossier) =>
        dossier.Parties.OrderBy(p => p.Role == DossierRoles.Applicant ? 0 : 1)
            .Select(p => p.Party?.Contacts.FirstOrDefault()?.PreferredLanguage)
            .FirstOrDefault(language => language is not null)
        ?? Parties.Language.French;

    private static long? PartyId(string? partyId) =>
        long.TryParse(partyId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
