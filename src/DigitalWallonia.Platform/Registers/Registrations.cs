using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Registers;

/// <summary>
/// Reads the registers kept as workflows (<see cref="RegisterOptions"/>): who is listed on a date, and the register facts
/// a programme's rules see for the dossier's provider or expert — taken from the register, never from what an applicant
/// typed.
/// </summary>
public sealed class Registrations(PlatformDbContext db, IOptions<RegisterOptions> options)
{
    /// <summary>Every registration of register <paramref name="name"/>, with whether it was in force on <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentException">No register has that name.</exception>
    public async Task<IReadOnlyList<Registration>> ListAsync(string name, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (!options.Value.Registers.TryGetValue(name, out var source))
        {
            throw new ArgumentException(
                $"No register named '{name}'; known: {string.Join(", ", options.Value.Registers.Keys.Order(StringComparer.Ordinal))}.", nameof(name));
        }

        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.WorkflowId == source.Workflow)
            .Include(d => d.Parties).ThenInclude(p => p.Party)
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var timelines = await TimelinesAsync(dossiers, source, cancellationToken);
        // One registration per party in the register's role: a dossier of two co-promoters lists both.
        return
        [
            .. from d in dossiers
               from party in d.Parties.Where(p => p.Role == source.PartyRole).OrderBy(p => p.PartyId)
               let timeline = timelines[d.Id]
               select new Registration(name, party.PartyId, party.Party.Name, party.Party.EnterpriseNumber?.ToString(), d.Reference, d.State,
                   timeline.ValidUntil, timeline.InForceOn(asOf)),
        ];
    }

    /// <summary>
    /// The register facts for <paramref name="dossier"/> by input name (<c>provider</c>, <c>expert</c>): the registered party
    /// and all its registrations' timelines, or, when the dossier links several parties in the register's role (two
    /// providers), each of them under <c>parties</c>. <see cref="ResolveFact"/> turns one into what the rules read on a given day.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> FactsForAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var facts = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, source) in options.Value.FactsFor(dossier.Programme))
        {
            var each = new List<JsonObject>();
            foreach (var party in dossier.Parties.Where(p => p.Role == source.PartyRole).OrderBy(p => p.PartyId))
            {
                each.Add(await PartyFactAsync(party, source, cancellationToken));
            }

            facts[source.Fact!] = each.Count switch // FactsFor only yields registers with a fact
            {
                0 => new JsonObject { ["registrations"] = new JsonArray() },
                1 => each[0],
                _ => new JsonObject { ["parties"] = new JsonArray([.. each]) },
            };
        }

        return facts;
    }

    /// <summary>Whether <paramref name="fact"/> is a register fact as <see cref="FactsForAsync"/> builds it, not yet resolved.</summary>
    public static bool IsUnresolved(JsonObject fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.ContainsKey("registrations") || fact.ContainsKey("parties");
    }

    private async Task<JsonObject> PartyFactAsync(DossierParty party, RegisterSource source, CancellationToken cancellationToken)
    {
        var registrations = await db.Dossiers.AsNoTracking()
            .Where(d => d.WorkflowId == source.Workflow && d.Parties.Any(p => p.PartyId == party.PartyId && p.Role == source.PartyRole))
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var timelines = await TimelinesAsync(registrations, source, cancellationToken);
        var partyRow = party.Party ?? await db.Parties.AsNoTracking().SingleAsync(p => p.Id == party.PartyId, cancellationToken);
        return new JsonObject
        {
            ["name"] = partyRow.Name,
            ["enterpriseNumber"] = partyRow.EnterpriseNumber?.ToString(),
            ["registrations"] = new JsonArray([.. registrations.Select(r => (JsonNode)timelines[r.Id].ToJson())]),
        };
    }

    /// <summary>
    /// What a rule reads for a register fact on <paramref name="asOf"/>: name, enterprise number, <c>registered</c> (in force
    /// that day), and the reference and <c>validUntil</c> of the registration in force (or else of the latest one). With
    /// several parties in the role, the fact holds only if it holds for each: <c>registered</c> is true when every one is
    /// registered that day, and the other fields are those of the first party that is not (the one a refusal names), or
    /// else of the one whose registration ends first; <c>parties</c> lists each party's own answer.
    /// </summary>
    public static JsonObject ResolveFact(JsonObject fact, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (fact["parties"] is not JsonArray several)
        {
            return ResolveOne(fact, asOf);
        }

        var each = several.OfType<JsonObject>().Select(party => ResolveOne(party, asOf)).ToList();
        var shown = each.FirstOrDefault(party => party["registered"]?.GetValue<bool>() != true)
            ?? each.OrderBy(party => party["validUntil"]?.GetValue<string>() ?? "9999-12-31", StringComparer.Ordinal).First();
        var resolved = (JsonObject)shown.DeepClone();
        resolved["parties"] = new JsonArray([.. each]);
        return resolved;
    }

    private static JsonObject ResolveOne(JsonObject fact, DateOnly asOf)
    {
        var timelines = (fact["registrations"] as JsonArray ?? []).OfType<JsonObject>().Select(RegistrationTimeline.FromJson).ToList();
        var inForce = timelines.LastOrDefault(t => t.InForceOn(asOf));
        var shown = inForce ?? timelines.LastOrDefault();
        return new JsonObject
        {
            ["name"] = fact["name"]?.DeepClone(),
            ["enterpriseNumber"] = fact["enterpriseNumber"]?.DeepClone(),
            ["registered"] = inForce is not null,
            ["reference"] = shown?.Reference,
            ["validUntil"] = shown?.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private async Task<Dictionary<long, RegistrationTimeline>> TimelinesAsync(IReadOnlyList<Dossier> dossiers, RegisterSource source,
        CancellationToken cancellationToken)
    {
        var ids = dossiers.Select(d => d.Id).ToList();
        var changes = (await db.DossierHistory.AsNoTracking()
                .Where(h => ids.Contains(h.DossierId))
                .OrderBy(h => h.DossierId).ThenBy(h => h.Sequence)
                .Select(h => new { h.DossierId, h.At, h.FromState, h.ToState })
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.DossierId);
        return dossiers.ToDictionary(d => d.Id, d =>
        {
            var history = changes[d.Id].ToList();
            return RegistrationTimeline.From(d.Reference, d.State, ValidUntil(d), DeadlinePlanner.LegalDate(d.OpenedAt),
                history.Count > 0 ? history[0].FromState : d.State,
                history.Select(h => (DeadlinePlanner.LegalDate(h.At), h.ToState)), source.InForceStates);
        });
    }

    private static DateOnly? ValidUntil(Dossier dossier) =>
        JsonNode.Parse(dossier.FactsJson)?["validUntil"] is JsonValue value && value.TryGetValue<string>(out var text)
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;
}
