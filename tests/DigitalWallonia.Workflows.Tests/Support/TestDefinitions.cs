using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Support;

/// <summary>Definitions, roles and moments shared by the tests, written as JSON the way authors write them.</summary>
internal static class TestDefinitions
{
    public static readonly FiringMoment Monday = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 2));

    public static readonly RoleCatalogue KnownRoles = LoadRoles("""
        {
          "roles": [
            { "key": "applicant", "scope": "party", "labels": { "fr": "Demandeur" } },
            { "key": "company-representative", "scope": "party", "party": "applicant", "labels": { "fr": "Représentant" } },
            { "key": "provider", "scope": "party", "labels": { "fr": "Prestataire" } },
            { "key": "case-handler", "scope": "global", "labels": { "fr": "Gestionnaire" } },
            { "key": "supervisor", "scope": "global", "labels": { "fr": "Superviseur" } },
            { "key": "system", "scope": "global", "labels": { "fr": "Système" } }
          ]
        }
        """);

    public static readonly Actor Company = new("sub-company", "Claire Dupont", ["applicant"], "BE0123456789");
    public static readonly Actor OtherCompany = new("sub-other", "Jan Peeters", ["applicant"], "BE0999999999");
    public static readonly Actor Handler = new("sub-handler-1", "Luc Martin", ["case-handler"]);
    public static readonly Actor SecondHandler = new("sub-handler-2", "Anne Leroy", ["case-handler", "supervisor"]);

    public static readonly IReadOnlyList<PartyLink> Parties = [new("applicant", "BE0123456789"), new("provider", "BE0555555555")];

    public static WorkflowCatalogues Catalogues(params string[] ruleSets) => new()
    {
        Roles = KnownRoles,
        Templates = new HashSet<string>(["submitted", "granted", "refused", "reminder", "expired"]),
        RuleSets = new HashSet<string>(ruleSets.Length > 0 ? ruleSets : ["eligibility", "amount"]),
    };

    /// <summary>Loads a definition that must be free of load errors; validation is the test's business.</summary>
    public static WorkflowDefinition Load(string json)
    {
        var result = WorkflowDefinitionLoader.Load(json, "test.json");
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Definition);
        return result.Definition;
    }

    /// <summary>Loads and validates against <see cref="Catalogues"/>, failing the test on any diagnostic.</summary>
    public static WorkflowDefinition LoadValid(string json)
    {
        var definition = Load(json);
        Assert.Empty(WorkflowValidator.Validate(definition, Catalogues()));
        return definition;
    }

    public static IReadOnlyList<WorkflowDiagnostic> Check(string json, WorkflowCatalogues? catalogues = null) =>
        WorkflowValidator.LoadAndValidate(System.Text.Encoding.UTF8.GetBytes(json), "test.json", catalogues ?? Catalogues()).Diagnostics;

    /// <summary>The 1-based line and UTF-16 column where <paramref name="marker"/> starts in <paramref name="json"/>.</summary>
    public static SourcePosition PositionOf(string json, string marker) => PositionAt(json, json.IndexOf(marker, StringComparison.Ordinal), marker);

    /// <summary>Like <see cref="PositionOf"/>, for the last occurrence of <paramref name="marker"/>.</summary>
    public static SourcePosition PositionOfLast(string json, string marker) => PositionAt(json, json.LastIndexOf(marker, StringComparison.Ordinal), marker);

    private static SourcePosition PositionAt(string json, int offset, string marker)
    {
        Assert.True(offset >= 0, $"marker {marker} not in the test JSON");
        var before = json[..offset];
        var line = before.Count(c => c == '\n') + 1;
        var column = offset - (before.LastIndexOf('\n') + 1) + 1;
        return new SourcePosition(line, column);
    }

    private static RoleCatalogue LoadRoles(string json)
    {
        var (catalogue, diagnostics) = RoleCatalogueLoader.Load(json);
        Assert.Empty(diagnostics);
        Assert.NotNull(catalogue);
        return catalogue;
    }
}
