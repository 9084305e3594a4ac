using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
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
public sealed class NotificationQueue(PlatformDbContext db, IOptions<MailboxOptions> mailboxes, ILogger<NotificationQueue> logger)
{
    public async Task QueueAsync(Dossier dossier, string template, IReadOnlyList<NotificationRecipient> recipients, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var applicantId = dossier.Parties.FirstOrDefault(p => p.Role == DossierRoles.Applicant)?.PartyId;
        var applicant = applicantId is null ? null : await db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == applicantId, cancellationToken);
        foreach (var recipient in recipients)
        {
            foreach (var (address, name, language) in await PeopleAsync(recipient, cancellationToken))
            {
                var model = new JsonObject
                {
                    ["dossier"] = new JsonObject
                    {
                        ["reference"] = dossier.Reference,
                        ["programme"] = dossier.Programme,
                        ["state"] = dossier.State,
                        ["submittedOn"] = dossier.SubmittedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        ["decidedOn"] = dossier.DecidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        ["requestedAmount"] = dossier.RequestedAmount,
                    },
                    ["applicant"] = applicant is null ? null : new JsonObject
                    {
                        ["name"] = applicant.Name,
                        ["enterpriseNumber"] = applicant.EnterpriseNumber?.ToString(),
                    },
                    ["recipient"] = new JsonObject { ["name"] = name, ["role"] = recipient.Role },
                };
                db.OutboxMessages.Add(new OutboxMessage(NewMessageId(), dossier.Id == 0 ? null : dossier.Id, template, language, address, name,
                    CanonicalJson.Serialize(model), now));
            }
        }
    }

    /// <summary>An RFC 5322 Message-ID fixed when the message is queued, so a resend after a crash carries the same one.</summary>
    public static string NewMessageId() => $"{Guid.NewGuid():N}@digitalwallonia";

    private async Task<IReadOnlyList<(string Address, string? Name, string Language)>> PeopleAsync(NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.PartyId is { } partyText && long.TryParse(partyText, System.Globalization.CultureInfo.InvariantCulture, out var partyId))
        {
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.PartyId == partyId).ToListAsync(cancellationToken);
            if (contacts.Count == 0)
            {
                logger.LogWarning("Party {PartyId} has no contact to notify as {Role}.", partyId, recipient.Role);
            }

            return contacts.Select(c => (c.Email, (string?)c.Name, c.PreferredLanguage)).ToList();
        }

        if (mailboxes.Value.Roles.TryGetValue(recipient.Role, out var mailbox))
        {
            return [(mailbox, null, Language.French)];
        }

        logger.LogWarning("No mailbox is configured for role {Role} (Mailboxes:Roles:{Role}); the notification is not queued for it.", recipient.Role, recipient.Role);
        return [];
    }
}
