using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Registers;

/// <summary>
/// The Digital Wallonia label register as the public list shows it: the registrations of register <c>label</c> in force
/// on a date, with what the promoter declared about its initiative (name, website, theme of the plan), which the
/// register contract does not carry and which lives in the label dossier's facts (<c>initiative</c>, workflows/label.json).
/// </summary>
public sealed class LabelledInitiatives(PlatformDbContext db, Registrations registrations)
{
    /// <summary>The register's name in <see cref="RegisterOptions"/>.</summary>
    public const string Register = "label";

    /// <summary>The initiatives labelled on <paramref name="asOf"/> (Brussels legal date), by initiative name.</summary>
    public async Task<IReadOnlyList<LabelledInitiative>> ListAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var inForce = (await registrations.ListAsync(Register, asOf, cancellationToken)).Where(r => r.InForce).ToList();
        var references = inForce.Select(r => r.Reference).ToList();
        var facts = await db.Dossiers.AsNoTracking()
            .Where(d => references.Contains(d.Reference))
            .ToDictionaryAsync(d => d.Reference, d => d.FactsJson, cancellationToken);
        return
        [
            .. inForce
                .Select(r => (Registration: r, Initiative: JsonNode.Parse(facts[r.Reference])?["initiative"]))
                .Select(x => new LabelledInitiative(
                    x.Registration.Reference,
                    Text(x.Initiative, "name") ?? x.Registration.PartyName,
                    Text(x.Initiative, "website"),
                    Text(x.Initiative, "category"),
                    x.Registration.PartyName,
                    x.Registration.EnterpriseNumber,
                    x.Registration.ValidUntil))
                .OrderBy(i => i.Name, StringComparer.CurrentCulture),
        ];
    }

    private static string? Text(JsonNode? initiative, string member) =>
        initiative?[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
