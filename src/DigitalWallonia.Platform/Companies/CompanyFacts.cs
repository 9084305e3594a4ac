using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// The <c>company</c> fact the rules read for an organisation, taken from the company register (source
/// <c>companyRegister</c>), never from what an applicant typed: whether the register knows the enterprise, its status,
/// legal form and whether that is a non-profit form, its NACE-BEL activities with their version, and its establishment
/// units with the country and postcode of each. An address abroad keeps its postcode but is marked foreign, so a
/// Luxembourg 4030 is never read as Liège.
/// </summary>
public sealed class CompanyFacts(PlatformDbContext db, IOptions<CompanyRegisterOptions> options)
{
    /// <summary>The NACE-BEL version the rule sets' code lists are written in (rules-common.md, excluded sectors).</summary>
    public const string RuleNaceVersion = "2008";

    /// <summary>What the register says about <paramref name="number"/>; <c>registered: false</c> when it does not know it.</summary>
    public async Task<JsonObject> ForAsync(EnterpriseNumber number, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<RegisteredEnterprise>().AsNoTracking().SingleOrDefaultAsync(e => e.Number == number, cancellationToken);
        if (enterprise is null)
        {
            return new JsonObject { ["registered"] = false, ["enterpriseNumber"] = number.ToString(), ["status"] = "unknown" };
        }

        var units = await db.Set<RegisteredEstablishment>().AsNoTracking().Where(u => u.EnterpriseNumber == number).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var entities = units.Select(u => u.Number.Digits).Append(number.Digits).ToList();
        var addresses = await db.Set<RegisteredAddress>().AsNoTracking().Where(a => entities.Contains(a.EntityNumber)).ToListAsync(cancellationToken);
        var activities = await db.Set<RegisteredActivity>().AsNoTracking().Where(a => a.EntityNumber == number.Digits)
            .OrderBy(a => a.NaceVersion).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var names = await db.Set<RegisteredDenomination>().AsNoTracking().Where(d => d.EntityNumber == number.Digits).ToListAsync(cancellationToken);
        var legalForm = enterprise.JuridicalForm;
        var formName = legalForm is null ? null : await db.Set<RegisterCode>().AsNoTracking()
            .Where(c => c.Category == "JuridicalForm" && c.Code == legalForm).OrderBy(c => c.Language == "FR" ? 0 : 1).Select(c => c.Description)
            .FirstOrDefaultAsync(cancellationToken);
        var extract = await db.Set<CompanyRegisterExtract>().AsNoTracking().OrderByDescending(e => e.Number).FirstOrDefaultAsync(cancellationToken);

        var ruleActivities = activities.Where(a => a.NaceVersion == RuleNaceVersion).ToList();
        var main = ruleActivities.FirstOrDefault(a => a.Classification == "MAIN");
        var office = addresses.FirstOrDefault(a => a.EntityNumber == number.Digits && a.TypeOfAddress == "REGO");
        var unitList = new JsonArray();
        foreach (var unit in units)
        {
            var address = addresses.FirstOrDefault(a => a.EntityNumber == unit.Number.Digits);
            unitList.Add(new JsonObject
            {
                ["number"] = unit.Number.ToString(),
                ["country"] = address is null ? null : address.Country ?? "BE",
                ["postcode"] = address?.Zipcode,
                ["municipality"] = address?.Municipality,
                ["street"] = address is null ? null : $"{address.Street} {address.HouseNumber}".Trim(),
                ["startDate"] = Date(unit.StartDate),
            });
        }

        return new JsonObject
        {
            ["registered"] = true,
            ["enterpriseNumber"] = number.ToString(),
            ["name"] = (names.FirstOrDefault(n => n.TypeOfDenomination == RegisteredDenomination.LegalName && n.Language == "1")
                ?? names.FirstOrDefault(n => n.TypeOfDenomination == RegisteredDenomination.LegalName) ?? names.FirstOrDefault())?.Denomination,
            ["status"] = enterprise.IsActive ? "active" : "stopped",
            ["stoppedOn"] = enterprise.StoppedOn is { } stopped ? Date(stopped) : null,
            ["startDate"] = Date(enterprise.StartDate),
            ["legalForm"] = legalForm,
            ["legalFormDescription"] = formName,
            ["nonProfit"] = legalForm is not null && options.Value.NonProfitLegalForms.Contains(legalForm, StringComparer.Ordinal),
            ["naceVersion"] = RuleNaceVersion,
            ["mainNaceCode"] = main?.DottedCode,
            ["otherNaceCodes"] = new JsonArray([.. ruleActivities.Where(a => a.Classification != "MAIN").Select(a => (JsonNode?)a.DottedCode).Distinct()]),
            ["activities"] = new JsonArray([.. activities.Select(a => (JsonNode)new JsonObject
            {
                ["code"] = a.DottedCode, ["version"] = a.NaceVersion, ["classification"] = a.Classification,
            })]),
            ["registeredOffice"] = office is null ? null : new JsonObject
            {
                ["country"] = office.Country ?? "BE", ["postcode"] = office.Zipcode, ["municipality"] = office.Municipality,
            },
            ["establishmentUnits"] = unitList,
            ["extract"] = extract is null ? null : new JsonObject { ["number"] = extract.Number, ["snapshotDate"] = Date(extract.SnapshotDate) },
        };
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
