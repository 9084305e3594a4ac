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
        return
        [
            .. from d in dossiers
               let party = d.Parties.FirstOrDefault(p => p.Role == source.PartyRole)
               where party is not null
               let timeline = timelines[d.Id]
               select new Registration(name, party.PartyId, party.Party.Name, party.Party.EnterpriseNumber?.ToString(), d.Reference, d.State,
                   timeline.ValidUntil, timeline.InForceOn(asOf)),
        ];
    }

    /// <summary>
    /// The register facts for <paramref name="dossier"/> by input name (<c>provider</c>, <c>expert</c>): the registered party
    /// and all its registrations' timelines. <see cref="ResolveFact"/> turns one into what the rules read on a given day.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> FactsForAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, source) in options.Value.FactsFor(dossier.Programme))
        {
            var party = dossier.Parties.FirstOrDefault(p => p.Role == source.PartyRole);
            if (party is null)
            {
                facts[source.Fact!] = new JsonObject { ["registrations"] = new JsonArray() }; // FactsFor only yields registers with a fact
                continue;
            }

            var registrations = await db.Dossiers.AsNoTracking()
                .Where(d => d.WorkflowId == source.Workflow && d.Parties.Any(p => p.PartyId == party.PartyId && p.Role == source.PartyRole))
                .OrderBy(d => d.Id)
                .ToListAsync(cancellationToken);
            var timelines = await TimelinesAsync(registrations, source, cancellationToken);
            var partyRow = party.Party ?? await db.Parties.AsNoTracking().SingleAsync(p => p.Id == party.PartyId, cancellationToken);
            facts[source.Fact!] = new JsonObject
            {
                ["name"] = partyRow.Name,
                ["enterpriseNumber"] = partyRow.EnterpriseNumber?.ToString(),
                ["registrations"] = new JsonArray([.. registrations.Select(r => (JsonNode)timelines[r.Id].ToJson())]),
            };
        }

        return facts;
    }

    /// <summary>
    /// What a rule reads for a register fact on <paramref name="asOf"/>: name, enterprise number, <c>registered</c> (in force
    /// that day), and the reference and <c>validUntil</c> of the registration in force (or else of the latest one).
    /// </summary>
    public static JsonObject ResolveFact(JsonObject fact, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(fact);
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
