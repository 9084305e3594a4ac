using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Rules;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// A programme's eligibility with the common rule sets it is subject to (<see cref="CommonEligibilityOptions"/>): each
/// common rule set is evaluated on the same as-of date as the programme's, with its input built from the platform's facts
/// (<c>company</c> from the company register, <c>ledger</c> from the aid ledger) and the applicant's declaration
/// (<c>declaration.*</c>); the programme's own rule set then reads what they found (<c>company.hasWalloonEstablishment</c>,
/// <c>deMinimis.pastAid</c>, ...) instead of anything the applicant typed. The eligibility passes only when the programme's
/// rules and every common check pass; each failed condition is named with its code, the values it saw, where they came
/// from and the rule-set version.
/// </summary>
internal sealed class CommonEligibility(RuleSetRegistry registry, ProgrammeAidOptions aid)
{
    /// <summary>Where a top-level fact comes from when the dossier does not say (platform-built facts and the declaration).</summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformSources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PlatformFacts.CompanyFact] = "companyRegister",
        [PlatformFacts.LedgerFact] = "ledger",
        ["provider"] = "register",
        ["expert"] = "register",
        ["declaration"] = FactSources.Declared,
    };

    private sealed record Check(string Code, string RuleSet, string? Rule, EvaluationResult Result, JsonObject Input, JsonObject Sources)
    {
        public bool Passed => Rule is null ? Result.Passed : Result.InputError is null && Find(Result.Results, Rule)?.IsSuccess == true;
    }

    public GuardOutcome Evaluate(GuardRequest request, JsonObject facts, ProgrammeEligibility programme)
    {
        var asOf = request.AsOfDate;
        var company = facts[PlatformFacts.CompanyFact] as JsonObject ?? new JsonObject { ["registered"] = false, ["status"] = "unknown" };
        var ledger = facts[PlatformFacts.LedgerFact] as JsonObject ?? [];
        var declaration = facts["declaration"] as JsonObject ?? [];
        var terms = aid.Programmes.GetValueOrDefault(programme.Programme);
        var checks = new List<Check>();
        bool Runs(CommonChecks check) => (programme.Checks & check) != 0;

        if (Runs(CommonChecks.LegalForm))
        {
            checks.AddRange(LegalFormChecks(asOf, company, programme));
        }

        EvaluationResult? smeResult = null, seatResult = null, sectorResult = null;
        if (Runs(CommonChecks.SmeCategory))
        {
            var sme = Input(("enterprise", declaration["enterprise"]?.DeepClone()));
            smeResult = registry.Evaluate("SmeCategory", asOf, sme, explain: true);
            checks.Add(new Check("not_sme", "SmeCategory", "IsSme", smeResult, sme, Sources(("enterprise", FactSources.Declared))));
        }

        if (Runs(CommonChecks.WalloonSeat))
        {
            var seat = SeatCheck(asOf, company, declaration, programme);
            seatResult = seat.Result;
            checks.Add(seat);
        }

        if (Runs(CommonChecks.ExcludedSectors))
        {
            var sector = SectorChecks(asOf, company, declaration, programme);
            sectorResult = sector[0].Result;
            checks.AddRange(sector);
        }

        var programmeFacts = facts.DeepClone().AsObject();
        if (smeResult is not null && seatResult is not null && sectorResult is not null)
        {
            programmeFacts[PlatformFacts.CompanyFact] = ProgrammeCompany(company, declaration, smeResult, seatResult, sectorResult);
        }

        // The aid already granted in the period, whatever the request: the programme's own de minimis rule reads it.
        var (pastAid, pastSources) = PastDeMinimisAid(ledger, declaration);
        if (Runs(CommonChecks.DeMinimis))
        {
            var withoutRequest = registry.Evaluate("DeMinimis", asOf, DeMinimisInput(ledger, declaration, pastAid, 0m));
            programmeFacts["deMinimis"] = new JsonObject { ["pastAid"] = withoutRequest.Outputs.GetValueOrDefault("pastAid")?.DeepClone() };
        }

        var own = registry.Evaluate(request.RuleSet, asOf, programmeFacts, explain: true);
        if (Runs(CommonChecks.DeMinimis) || Runs(CommonChecks.ChequeCaps))
        {
            // What the request adds to de minimis and to the caps: the programme's aid output. When the programme's rules
            // fail they give no output; the aid is then what they compute without any aid in the past (so that a request
            // refused for de minimis still says by how much it would exceed the ceiling).
            var aidSource = own;
            if (!own.Passed)
            {
                var probe = programmeFacts.DeepClone().AsObject();
                probe["deMinimis"] = new JsonObject { ["pastAid"] = 0m };
                aidSource = registry.Evaluate(request.RuleSet, asOf, probe);
            }

            var requested = aidSource.Outputs.GetValueOrDefault(programme.AidOutput) is JsonValue value && value.TryGetValue<decimal>(out var amount) ? amount : 0m;
            var aidFrom = $"output {request.RuleSet}.{programme.AidOutput}";
            if (Runs(CommonChecks.DeMinimis))
            {
                var deMinimis = DeMinimisInput(ledger, declaration, pastAid, requested);
                var deMinimisSources = Sources(("undertaking", "ledger"), ("undertaking.roadFreightForHire", FactSources.Declared), ("application.amount", aidFrom));
                deMinimisSources["pastAid"] = pastSources;
                checks.Add(new Check("de_minimis_ceiling", "DeMinimis", null, registry.Evaluate("DeMinimis", asOf, deMinimis, explain: true), deMinimis, deMinimisSources));
            }

            if (Runs(CommonChecks.ChequeCaps) && terms?.Wallet is not null)
            {
                var caps = ChequeCapsInput(ledger, requested, terms);
                checks.Add(new Check("cheque_caps", "ChequeCaps", null, registry.Evaluate("ChequeCaps", asOf, caps, explain: true), caps,
                    Sources(("application.amount", aidFrom), ("application", "programme"), ("pastCheques", "ledger"))));
            }
        }

        var passed = own.Passed && checks.All(c => c.Passed);
        var explanation = RuleEngineGuardEvaluator.Explain(own);
        explanation["provenance"] = Provenance(facts, request.FactSources);
        explanation["decided"] = Decided(facts, request.FactSources);
        explanation["failedConditions"] = new JsonArray([.. FailedConditions(own, programmeFacts, Provenance(facts, request.FactSources)), .. checks.Where(c => !c.Passed).Select(Failed)]);
        explanation["common"] = new JsonArray([.. checks.GroupBy(c => c.RuleSet).Select(g => (JsonNode)new JsonObject
        {
            ["ruleSet"] = g.Key,
            ["version"] = g.First().Result.Version,
            ["passed"] = g.All(c => c.Passed),
            ["inputError"] = g.First().Result.InputError,
            ["input"] = g.First().Input.DeepClone(),
            ["rules"] = JsonSerializer.SerializeToNode(g.First().Result.Results),
        })]);
        var results = own.Results.ToDictionary(r => r.RuleName, r => r.IsSuccess, StringComparer.Ordinal);
        foreach (var check in checks)
        {
            results[$"{check.RuleSet}.{check.Rule ?? "all"}"] = check.Passed;
        }

        return new GuardOutcome(passed, own.Version.ToString(CultureInfo.InvariantCulture))
        {
            RuleResults = results,
            SuccessEvents = passed ? own.SuccessEvents : [],
            Outputs = passed
                ? own.Outputs.ToDictionary(o => o.Key, o => JsonSerializer.SerializeToElement(o.Value), StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(StringComparer.Ordinal),
            ExplanationJson = explanation.ToJsonString(),
        };
    }

    /// <summary>
    /// The common conditions that need nothing from the applicant, on what the register and the ledger already say (a
    /// pre-check before any application): registered and active, a Walloon seat, not an excluded sector, and — with no
    /// aid asked yet — whether the de minimis ceiling or the wallet's caps are already reached.
    /// </summary>
    public IReadOnlyList<KnownCondition> Known(DateOnly asOf, JsonObject company, JsonObject ledger, ProgrammeEligibility programme)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(programme);
        var checks = new List<Check>();
        var declaration = new JsonObject();
        bool Runs(CommonChecks check) => (programme.Checks & check) != 0;
        if (Runs(CommonChecks.LegalForm))
        {
            checks.AddRange(LegalFormChecks(asOf, company, programme));
        }

        if (Runs(CommonChecks.WalloonSeat))
        {
            checks.Add(SeatCheck(asOf, company, declaration, programme));
        }

        if (Runs(CommonChecks.ExcludedSectors))
        {
            var sector = SectorChecks(asOf, company, declaration, programme);
            checks.AddRange(sector);
            // The digital-sector exclusion is the programme's own rule at submission (it reads company.digitalSector); the
            // pre-check has no programme evaluation, so it names it here.
            checks.Add(sector[0] with { Code = "digital_sector_excluded", Rule = "NotExcludedDigitalSector" });
        }

        if (Runs(CommonChecks.DeMinimis))
        {
            var (pastAid, _) = PastDeMinimisAid(ledger, declaration);
            var input = DeMinimisInput(ledger, declaration, pastAid, 0m);
            checks.Add(new Check("de_minimis_ceiling", "DeMinimis", null, registry.Evaluate("DeMinimis", asOf, input, explain: true), input, []));
        }

        if (Runs(CommonChecks.ChequeCaps) && aid.Programmes.GetValueOrDefault(programme.Programme) is { Wallet: not null } terms)
        {
            var input = ChequeCapsInput(ledger, 0m, terms);
            checks.Add(new Check("cheque_caps", "ChequeCaps", null, registry.Evaluate("ChequeCaps", asOf, input, explain: true), input, []));
        }

        return [.. checks.Select(c =>
        {
            var failed = Failed(c);
            var explanation = failed["explanation"] as JsonObject;
            return new KnownCondition(c.Code, c.RuleSet, c.Result.Version,
                c.Result.InputError is not null ? KnownOutcome.Unknown : c.Passed ? KnownOutcome.Met : KnownOutcome.NotMet,
                explanation?["fr"]?.GetValue<string>(), explanation?["en"]?.GetValue<string>(), failed["message"]?.GetValue<string>());
        })];
    }

    private IEnumerable<Check> LegalFormChecks(DateOnly asOf, JsonObject company, ProgrammeEligibility programme)
    {
        var legal = Input(("enterprise", new JsonObject
        {
            ["registered"] = company["registered"]?.DeepClone(), ["status"] = company["status"]?.DeepClone(),
            ["nonProfit"] = company["nonProfit"]?.DeepClone(), ["legalForm"] = company["legalForm"]?.DeepClone(),
        }), ("application", new JsonObject { ["scheme"] = programme.Scheme }));
        var legalSources = Sources(("enterprise", "companyRegister"), ("application", "programme"));
        var legalResult = registry.Evaluate("LegalForm", asOf, legal, explain: true);
        return
        [
            new Check("not_registered_or_stopped", "LegalForm", "RegisteredAndActive", legalResult, legal, legalSources),
            new Check("non_profit_excluded", "LegalForm", "NonProfitAllowed", legalResult, legal, legalSources),
        ];
    }

    private Check SeatCheck(DateOnly asOf, JsonObject company, JsonObject declaration, ProgrammeEligibility programme)
    {
        var places = WalloonSeatUnits(company, declaration);
        if (programme.RegisteredOfficeCounts && company["registeredOffice"] is JsonObject { } office && office["country"]?.GetValue<string>() == "BE")
        {
            places.Add(new JsonObject { ["number"] = "registered-office", ["postcode"] = office["postcode"]?.DeepClone(), ["isMainOperatingSeat"] = false });
        }

        var seat = Input(("enterprise", new JsonObject { ["establishmentUnits"] = places }));
        return new Check("no_walloon_seat", "WalloonSeat", programme.SeatRule, registry.Evaluate("WalloonSeat", asOf, seat, explain: true), seat,
            Sources(("enterprise", "companyRegister")));
    }

    private Check[] SectorChecks(DateOnly asOf, JsonObject company, JsonObject declaration, ProgrammeEligibility programme)
    {
        var sector = Input(
            ("enterprise", new JsonObject
            {
                ["mainNaceCode"] = company["mainNaceCode"]?.DeepClone(), ["otherNaceCodes"] = company["otherNaceCodes"]?.DeepClone() ?? new JsonArray(),
                ["activitiesSeparated"] = declaration["activitiesSeparated"]?.DeepClone(),
            }),
            ("application", new JsonObject
            {
                ["scheme"] = programme.Scheme,
                ["fixedOnPrimaryProducePriceOrQuantity"] = declaration["fixedOnPrimaryProducePriceOrQuantity"]?.DeepClone(),
                ["passedOnToPrimaryProducers"] = declaration["passedOnToPrimaryProducers"]?.DeepClone(),
            }));
        var sectorSources = Sources(("enterprise.mainNaceCode", "companyRegister"), ("enterprise.otherNaceCodes", "companyRegister"),
            ("enterprise.activitiesSeparated", FactSources.Declared), ("application.scheme", "programme"), ("application", FactSources.Declared));
        var sectorResult = registry.Evaluate("ExcludedSectors", asOf, sector, explain: true);
        return
        [
            new Check("excluded_sector", "ExcludedSectors", "NotInDeMinimisExcludedSector", sectorResult, sector, sectorSources),
            new Check("tied_to_primary_producers", "ExcludedSectors", "NotTiedToPrimaryProducers", sectorResult, sector, sectorSources),
        ];
    }

    // The establishment units the seat rule may count: Belgian ones only (a foreign postcode can look Walloon), with the
    // main operating seat marked. The register does not say which unit is the main seat: the one the applicant names among
    // the register's units, else the only unit, else the unit at the registered office's postcode.
    private static JsonArray WalloonSeatUnits(JsonObject company, JsonObject declaration)
    {
        var units = (company["establishmentUnits"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var named = declaration["mainEstablishmentUnit"]?.GetValue<string>();
        var office = company["registeredOffice"] as JsonObject;
        var main = units.FirstOrDefault(u => named is not null && Same(u["number"]?.GetValue<string>(), named))
            ?? (units.Count == 1 ? units[0] : null)
            ?? (office?["country"]?.GetValue<string>() == "BE"
                ? units.FirstOrDefault(u => u["postcode"]?.GetValue<string>() == office["postcode"]?.GetValue<string>() && u["country"]?.GetValue<string>() == "BE")
                : null);
        return new JsonArray([.. units.Where(u => u["country"]?.GetValue<string>() == "BE" && u["postcode"] is not null).Select(u => (JsonNode)new JsonObject
        {
            ["number"] = u["number"]?.DeepClone(),
            ["postcode"] = u["postcode"]?.DeepClone(),
            ["isMainOperatingSeat"] = ReferenceEquals(u, main),
        })]);
    }

    private static bool Same(string? unit, string named) =>
        unit is not null && string.Equals(new string([.. unit.Where(char.IsAsciiDigit)]), new string([.. named.Where(char.IsAsciiDigit)]), StringComparison.Ordinal);

    // The company the programme's own rules read: the register's facts, and what the common rule sets found.
    private static JsonObject ProgrammeCompany(JsonObject company, JsonObject declaration, EvaluationResult sme, EvaluationResult seat, EvaluationResult sector)
    {
        var result = company.DeepClone().AsObject();
        var declared = declaration["enterprise"] as JsonObject;
        result["staffHeadcount"] = sme.Outputs.GetValueOrDefault("staffHeadcount")?.DeepClone() ?? declared?["staffHeadcount"]?.DeepClone();
        result["annualTurnover"] = sme.Outputs.GetValueOrDefault("annualTurnover")?.DeepClone() ?? declared?["annualTurnover"]?.DeepClone();
        result["balanceSheetTotal"] = declared?["balanceSheetTotal"]?.DeepClone();
        result["smeCategory"] = sme.Outputs.GetValueOrDefault("category")?.DeepClone() ?? (sme.InputError is null ? "not_sme" : null);
        result["enterpriseType"] = sme.Outputs.GetValueOrDefault("enterpriseType")?.DeepClone();
        result["hasWalloonEstablishment"] = Outcome(seat, "OperatingSeatInWallonia");
        result["mainSeatInWallonia"] = Outcome(seat, "MainOperatingSeatInWallonia");
        result["excludedSector"] = Outcome(sector, "NotInDeMinimisExcludedSector") is { } notExcluded ? !notExcluded : null;
        result["digitalSector"] = Outcome(sector, "NotExcludedDigitalSector") is { } notDigital ? !notDigital : null;
        return result;
    }

    private static bool? Outcome(EvaluationResult result, string rule) => result.InputError is null ? Find(result.Results, rule)?.IsSuccess : null;

    // De minimis aid of the single undertaking: the ledger's (Walloon aid), and what the applicant declared from other
    // authorities, each item with where it came from.
    internal static (JsonArray Aid, JsonArray Sources) PastDeMinimisAid(JsonObject ledger, JsonObject declaration)
    {
        var aid = new JsonArray();
        var sources = new JsonArray();
        foreach (var item in (ledger["deMinimisAid"] as JsonArray ?? []).OfType<JsonObject>())
        {
            aid.Add(new JsonObject
            {
                ["amount"] = item["amount"]?.DeepClone(), ["grantedOn"] = item["grantedOn"]?.DeepClone(),
                ["regulation"] = item["regulation"]?.DeepClone(), ["beneficiary"] = item["beneficiary"]?.DeepClone(),
            });
            sources.Add(new JsonObject { ["source"] = "ledger", ["dossier"] = item["dossier"]?.DeepClone(), ["grantingAuthority"] = item["grantingAuthority"]?.DeepClone() });
        }

        foreach (var item in (declaration["otherDeMinimisAid"] as JsonArray ?? []).OfType<JsonObject>())
        {
            aid.Add(new JsonObject
            {
                ["amount"] = item["amount"]?.DeepClone(), ["grantedOn"] = item["grantedOn"]?.DeepClone(),
                ["regulation"] = item["regulation"]?.DeepClone() ?? "2023/2831", ["beneficiary"] = item["beneficiary"]?.DeepClone(),
            });
            sources.Add(new JsonObject { ["source"] = FactSources.Declared, ["grantingAuthority"] = item["grantingAuthority"]?.DeepClone(), ["evidence"] = item["evidence"]?.DeepClone() });
        }

        return (aid, sources);
    }

    /// <summary>The input of rules/common/cheque-caps.json: the enterprise's own cheques of the wallet (ledger fact) and the aid asked.</summary>
    internal static JsonObject ChequeCapsInput(JsonObject ledger, decimal amount, ProgrammeAid terms) => Input(
        ("application", new JsonObject { ["amount"] = amount, ["chequeType"] = terms.ChequeType, ["theme"] = terms.Theme }),
        ("pastCheques", ledger["cheques"]?.DeepClone() ?? new JsonArray()));

    /// <summary>
    /// The input of rules/common/de-minimis.json: the undertaking's fiscal-year end (ledger fact), the past aid of the
    /// single undertaking (ledger and declared, <see cref="PastDeMinimisAid"/>) and the aid asked.
    /// </summary>
    internal static JsonObject DeMinimisInput(JsonObject ledger, JsonObject declaration, JsonArray pastAid, decimal amount) => Input(
        ("undertaking", new JsonObject
        {
            ["fiscalYearEndMonth"] = ledger["fiscalYearEndMonth"]?.DeepClone(), ["fiscalYearEndDay"] = ledger["fiscalYearEndDay"]?.DeepClone(),
            ["roadFreightForHire"] = declaration["roadFreightForHire"]?.DeepClone(),
        }),
        ("application", new JsonObject { ["amount"] = amount }),
        ("pastAid", pastAid.DeepClone()));

    private static JsonObject Failed(Check check)
    {
        var rule = check.Rule is null ? check.Result.Results.FirstOrDefault(r => !r.IsSuccess) : Find(check.Result.Results, check.Rule);
        return new JsonObject
        {
            ["code"] = check.Code,
            ["ruleSet"] = check.RuleSet,
            ["version"] = check.Result.Version,
            ["rule"] = rule?.RuleName ?? check.Rule,
            ["message"] = check.Result.InputError ?? rule?.ExceptionMessage,
            ["explanation"] = rule?.Explanation is { } e ? new JsonObject { ["fr"] = e.Fr, ["en"] = e.En } : null,
            ["values"] = check.Input.DeepClone(),
            ["provenance"] = check.Sources.DeepClone(),
        };
    }

    // The programme's own failed rules, with the facts they read and their sources.
    private static IEnumerable<JsonNode> FailedConditions(EvaluationResult own, JsonObject programmeFacts, JsonObject provenance) =>
        own.Results.Where(r => !r.IsSuccess).Select(r => (JsonNode)new JsonObject
        {
            ["code"] = $"{own.RuleSetName}.{r.RuleName}",
            ["ruleSet"] = own.RuleSetName,
            ["version"] = own.Version,
            ["rule"] = r.RuleName,
            ["message"] = r.ExceptionMessage,
            ["explanation"] = r.Explanation is { } e ? new JsonObject { ["fr"] = e.Fr, ["en"] = e.En } : null,
            ["values"] = new JsonObject([.. programmeFacts.Where(f => f.Key != "declaration" && f.Key != PlatformFacts.LedgerFact)
                .Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone()))]),
            ["provenance"] = provenance.DeepClone(),
        }).Concat(own.InputError is { } error
            ? [new JsonObject { ["code"] = $"{own.RuleSetName}.input", ["ruleSet"] = own.RuleSetName, ["version"] = own.Version, ["message"] = error }]
            : []);

    /// <summary>
    /// Where each top-level fact of the evaluation came from: the platform's sources for what it builds (company register,
    /// ledger, registers); for a fact stored on the dossier, the provenance the dossier keeps beside it (<paramref name="stored"/>:
    /// declared, verified or decided, by whom and when), path by path where its parts differ (a declaration of which a case
    /// handler verified one figure).
    /// </summary>
    public static JsonObject Provenance(JsonObject facts, IReadOnlyDictionary<string, FactProvenance> stored)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(stored);
        var result = new JsonObject();
        foreach (var (name, value) in facts)
        {
            var own = stored.Where(s => s.Key == name || s.Key.StartsWith(name + ".", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            result[name] = name switch
            {
                PlatformFacts.CompanyFact => new JsonObject { ["source"] = PlatformSources[name], ["extract"] = value?["extract"]?.DeepClone() },
                PlatformFacts.LedgerFact => new JsonObject { ["source"] = PlatformSources[name], ["asOf"] = value?["asOf"]?.DeepClone() },
                "provider" or "expert" => new JsonObject { ["source"] = PlatformSources[name] },
                _ when own.Count == 1 && own[0].Key == name => Describe(own[0].Value),
                _ when own.Count > 0 => new JsonObject
                {
                    ["source"] = own.Select(s => s.Value.Source).Distinct(StringComparer.Ordinal).Count() == 1 ? own[0].Value.Source : "mixed",
                    ["paths"] = new JsonObject([.. own.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)Describe(s.Value)))]),
                },
                _ when PlatformSources.TryGetValue(name, out var source) => new JsonObject { ["source"] = source },
                // Stored before provenance was kept (a dossier opened by platform code with its facts): the dossier's own.
                _ => new JsonObject { ["source"] = "dossier" },
            };
        }

        return result;
    }

    /// <summary>
    /// The values the administration itself set on the dossier (source <c>decided</c>: a case handler's reason, an amount
    /// fixed at the grant), each with who and when: a decision taken on this evaluation names them beside the failed
    /// conditions, so a refusal on a case handler's ground says what that ground was.
    /// </summary>
    public static JsonObject Decided(JsonObject facts, IReadOnlyDictionary<string, FactProvenance> stored)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(stored);
        return new JsonObject([.. stored.Where(s => s.Value.Source == FactSources.Decided).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s =>
            {
                var described = Describe(s.Value);
                described["value"] = FactPaths.Get(facts, s.Key)?.DeepClone();
                return KeyValuePair.Create(s.Key, (JsonNode?)described);
            })]);
    }

    private static JsonObject Describe(FactProvenance provenance) => new()
    {
        ["source"] = provenance.Source,
        ["by"] = provenance.By,
        ["at"] = provenance.At.ToString("O", CultureInfo.InvariantCulture),
    };

    private static RuleResult? Find(IEnumerable<RuleResult> results, string name)
    {
        foreach (var result in results)
        {
            if (result.RuleName == name)
            {
                return result;
            }

            if (Find(result.Children, name) is { } child)
            {
                return child;
            }
        }

        return null;
    }

    private static JsonObject Input(params (string Name, JsonNode? Value)[] values) =>
        new([.. values.Select(v => KeyValuePair.Create(v.Name, v.Value))]);

    private static JsonObject Sources(params (string Path, string Source)[] values) =>
        new([.. values.Select(v => KeyValuePair.Create(v.Path, (JsonNode?)v.Source))]);
}

/// <summary>A common condition checked on what is already known: its code, rule set and version, and why when it fails.</summary>
public sealed record KnownCondition(string Code, string RuleSet, int Version, KnownOutcome Outcome, string? ExplanationFr, string? ExplanationEn, string? Message);

/// <summary>Met, not met, or not decidable from what is known (the rule set's input lacks something only the applicant says).</summary>
public enum KnownOutcome
{
    Met,
    NotMet,
    Unknown,
}
