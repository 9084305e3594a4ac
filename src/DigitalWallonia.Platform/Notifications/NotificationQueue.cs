using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Runtime.Effects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications;

/// <summary>
/// Turns a workflow's "notify these roles" into outbox rows, one per person in that person's language: the contacts of
/// the party for a party-scoped role, the configured team mailbox for a global one. The model is frozen now, so a message
/// sent later says what was true when it was queued.
/// </summary>
public sealed class NotificationQueue(
    PlatformDbContext db,
    WorkflowDefinitions definitions,
    IOptions<MailboxOptions> mailboxes,
    IOptions<SiteOptions> site,
    ILogger<NotificationQueue> logger)
{
    /// <summary>
    /// Adds one outbox row per person <paramref name="recipients"/> name; <paramref name="openDeadlines"/> are the dossier's
    /// pending deadlines as the caller has them (those written earlier in the same firing included), listed in the model.
    /// </summary>
    public async Task QueueAsync(Dossier dossier, IEnumerable<Deadline> openDeadlines, string template, IReadOnlyList<NotificationRecipient> recipients,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        await LoadPartiesAsync(dossier, cancellationToken);
        var deadlines = DueDays(openDeadlines);
        // Staff copied on a notice to parties are told whom the message went to: they read the parties' wording as a copy.
        var partyIds = recipients.Select(r => r.PartyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var copyOf = string.Join(", ", dossier.Parties.Where(p => partyIds.Contains(p.PartyId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(p => p.Party?.Name).OfType<string>().Distinct(StringComparer.Ordinal));
        foreach (var recipient in recipients)
        {
            // A role without a party is a staff role, reached at its team mailbox.
            var staff = recipient.PartyId is null;
            foreach (var (address, name, language) in await PeopleAsync(dossier, recipient, cancellationToken))
            {
                // The names the templates use (DossierFacts), addressed to this person, plus the dossier's own facts.
                var model = DossierFacts.For(dossier);
                model["recipient"] = new JsonObject
                {
                    ["name"] = name ?? model["company"]?["name"]?.GetValue<string>(),
                    ["email"] = address,
                    ["language"] = language,
                    ["role"] = recipient.Role,
                    ["salutation"] = Addressing.Salutation(language, staff),
                    ["copyOf"] = staff && copyOf.Length > 0 ? copyOf : null,
                };
                AddConventions(model, dossier, deadlines, staff);
                db.OutboxMessages.Add(new OutboxMessage(OutboxMessage.NewMessageId(), dossier.Id == 0 ? null : dossier.Id, template, language, address, name,
                    CanonicalJson.Serialize(model), now));
            }
        }
    }

    /// <summary>
    /// The model of a letter issued in the same firing: what its notices are given (DossierFacts, each open deadline, the
    /// dossier's address), addressed to the applicant — or, when there is none, to the first linked party with a contact.
    /// </summary>
    public async Task<JsonObject> LetterModelAsync(Dossier dossier, IEnumerable<Deadline> openDeadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        await LoadPartiesAsync(dossier, cancellationToken);
        var model = DossierFacts.For(dossier);
        if (model["recipient"] is null
            && dossier.Parties.Select(p => p.Party).FirstOrDefault(p => p?.Contacts.Count > 0) is { } party)
        {
            var contact = party.Contacts[0];
            model["recipient"] = new JsonObject
            {
                ["name"] = contact.Name,
                ["email"] = contact.Email,
                ["language"] = contact.PreferredLanguage,
                ["company"] = party.Name,
            };
        }

        if (model["recipient"] is JsonObject recipient)
        {
            recipient["salutation"] = Addressing.Salutation(recipient["language"]?.GetValue<string>(), staff: false);
        }

        AddConventions(model, dossier, DueDays(openDeadlines), staff: false);
        return model;
    }

    // Conventions the templates rely on (besides DossierFacts'): each open deadline as {kind}DueOn (decisionDueOn), and
    // the dossier's address for its reader (the portal's page for a party, the workspace's for staff).
    private void AddConventions(JsonObject model, Dossier dossier, List<(string Kind, string DueOn)> deadlines, bool staff)
    {
        foreach (var (kind, dueOn) in deadlines)
        {
            model[$"{Camel(kind)}DueOn"] = dueOn;
        }

        model["dossier"]!["url"] = Addressing.DossierUrl(site.Value.BaseUrl, dossier.Reference, staff);
    }

    // The due day is the legal date of 24:00 minus a tick.
    private static List<(string Kind, string DueOn)> DueDays(IEnumerable<Deadline> openDeadlines) =>
        openDeadlines
            .Where(d => d.Status == DeadlineStatus.Pending)
            .GroupBy(d => d.Kind)
            .Select(g => (g.Key, DeadlinePlanner.LegalDate(g.Max(d => d.DueAt).AddTicks(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    private static string Camel(string kind)
    {
        var parts = kind.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    // Templates speak of the applicant and the provider by name: make sure the linked parties are in memory.
    private async Task LoadPartiesAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        foreach (var link in dossier.Parties)
        {
            var entry = db.Entry(link);
            if (entry.State != EntityState.Added && !entry.Reference(l => l.Party).IsLoaded)
            {
                await entry.Reference(l => l.Party).LoadAsync(cancellationToken);
            }

            var party = db.Entry(link.Party);
            if (party.State == EntityState.Added)
            {
                continue;
            }

            if (!party.Collection(p => p.Contacts).IsLoaded)
            {
                await party.Collection(p => p.Contacts).LoadAsync(cancellationToken);
            }

            if (!party.Collection(p => p.EstablishmentUnits).IsLoaded)
            {
                await party.Collection(p => p.EstablishmentUnits).LoadAsync(cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<(string Address, string? Name, string Language)>> PeopleAsync(Dossier dossier, NotificationRecipient recipient,
        CancellationToken cancellationToken)
    {
        if (recipient.PartyId is { } partyText && long.TryParse(partyText, System.Globalization.CultureInfo.InvariantCulture, out var partyId))
        {
            // A party linked to the dossier has its contacts in memory already (LoadPartiesAsync); another one is read.
            var contacts = dossier.Parties.FirstOrDefault(p => p.PartyId == partyId)?.Party is { } linked
                ? linked.Contacts.ToList()
                : await db.Contacts.AsNoTracking().Where(c => c.PartyId == partyId).ToListAsync(cancellationToken);
            if (contacts.Count == 0)
            {
                logger.LogWarning("Party {PartyId} has no contact to notify as {Role}.", partyId, recipient.Role);
            }

            return contacts.Select(c => (c.Email, (string?)c.Name, c.PreferredLanguage)).ToList();
        }

        if (mailboxes.Value.Roles.TryGetValue(recipient.Role, out var mailbox))
        {
            // A team mailbox is named by the role ("Gestionnaire de dossier") in the outbox; templates greet it as staff.
            var label = definitions.Roles.TryGet(recipient.Role, out var role) && role.Labels.Values.TryGetValue(Language.French, out var fr) ? fr : null;
            return [(mailbox, label, Language.French)];
        }

        logger.LogWarning("No mailbox is configured for role {Role} (Mailboxes:Roles:{Role}); the notification is not queued for it.", recipient.Role, recipient.Role);
        return [];
    }
}
