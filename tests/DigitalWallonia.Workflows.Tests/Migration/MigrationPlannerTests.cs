using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Migration;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Versions;

namespace DigitalWallonia.Workflows.Tests.Migration;

public class MigrationPlannerTests
{
    // v2 renames "review" to "examination", keeps the decision deadline but makes it 10 working days, and drops "proposed".
    private static readonly WorkflowDefinition V1 = GrantWorkflow.Definition;
    private static readonly WorkflowDefinition V2 = TestDefinitions.Load(GrantWorkflow.Json
        .Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
        .Replace("\"review\"", "\"examination\"", StringComparison.Ordinal)
        .Replace("{ \"workingDays\": 5 }", "{ \"workingDays\": 10 }", StringComparison.Ordinal));

    private const string MapJson = """
        {
          "workflow": "grant",
          "toVersion": 2,
          "states": { "review": "examination", "proposed": "examination" },
          "deadlines": { "decision": "replan" }
        }
        """;

    [Fact]
    public void A_state_map_file_is_read()
    {
        var (map, diagnostics) = StateMapLoader.Load(MapJson, "map.json");

        Assert.Empty(diagnostics);
        Assert.NotNull(map);
        Assert.Equal(("grant", 2), (map.WorkflowId, map.ToVersion));
        Assert.Equal("examination", map.States["review"]);
        Assert.Equal(DeadlinePolicy.Replan, map.Deadlines["decision"]);
    }

    [Fact]
    public void A_state_map_with_an_unknown_deadline_policy_is_reported_with_its_position()
    {
        var json = MapJson.Replace("\"replan\"", "\"postpone\"", StringComparison.Ordinal);

        var (_, diagnostics) = StateMapLoader.Load(json, "map.json");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DW2006", "deadlines.decision"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(TestDefinitions.PositionOf(json, "\"postpone\""), diagnostic.Position);
    }

    [Fact]
    public void Instances_move_to_the_mapped_state_and_their_deadline_is_replanned_with_the_new_duration()
    {
        var plan = Plan(MapJson, new MigratingInstance("RENTIC-2026-000001", "grant", 1, "review", ["decision"]));

        var instance = Assert.Single(plan.Instances);
        Assert.True(plan.CanApply);
        Assert.Equal(("examination", 2), (instance.ToState, instance.ToVersion));
        var replanned = Assert.Single(instance.ReplannedDeadlines);
        Assert.Equal(DeadlineDuration.WorkingDays(10), replanned.Duration);
        Assert.Empty(instance.KeptDeadlines);
    }

    [Fact]
    public void States_the_map_does_not_name_keep_their_id_when_the_new_version_has_it()
    {
        var plan = Plan(MapJson, new MigratingInstance("RENTIC-2026-000002", "grant", 1, "awaiting-payment", []));

        Assert.Equal("awaiting-payment", Assert.Single(plan.Instances).ToState);
    }

    [Fact]
    public void An_open_deadline_is_kept_by_default_when_the_new_state_still_waits_for_it()
    {
        var plan = Plan(MapJson.Replace("\"decision\": \"replan\"", string.Empty, StringComparison.Ordinal), new MigratingInstance("RENTIC-2026-000003", "grant", 1, "review", ["decision"]));

        Assert.Equal(["decision"], Assert.Single(plan.Instances).KeptDeadlines);
    }

    [Fact]
    public void An_open_deadline_nothing_waits_for_in_the_new_state_is_cancelled_by_default()
    {
        var plan = Plan(MapJson, new MigratingInstance("RENTIC-2026-000004", "grant", 1, "awaiting-payment", ["reminder-call"]));

        Assert.Equal(["reminder-call"], Assert.Single(plan.Instances).CancelledDeadlines);
    }

    [Fact]
    public void A_state_that_is_neither_mapped_nor_in_the_new_version_is_an_error_for_that_instance_only()
    {
        var v2WithoutIneligible = V2 with { Version = 3, States = [.. V2.States.Where(s => s.Id != "ineligible")] };
        var catalogue = Catalogue(v2WithoutIneligible);
        var (map, _) = StateMapLoader.Load(MapJson.Replace("\"toVersion\": 2", "\"toVersion\": 3", StringComparison.Ordinal));
        Assert.NotNull(map);

        var plan = MigrationPlanner.Plan(catalogue, map, [
            new MigratingInstance("A", "grant", 1, "ineligible", []),
            new MigratingInstance("B", "grant", 1, "review", ["decision"]),
        ]);

        Assert.Equal(["state 'ineligible' is not mapped and v3 has no state of that name"], plan.Instances[0].Errors);
        Assert.True(plan.Instances[1].CanMigrate);
        Assert.False(plan.CanApply);
    }

    [Fact]
    public void A_map_to_a_state_the_new_version_does_not_have_blocks_the_whole_plan()
    {
        var plan = Plan(MapJson.Replace("\"proposed\": \"examination\"", "\"proposed\": \"examen\"", StringComparison.Ordinal), new MigratingInstance("A", "grant", 1, "review", []));

        Assert.Equal(["The map sends state 'proposed' to 'examen', which v2 does not have."], plan.MapErrors);
        Assert.False(plan.CanApply);
    }

    [Fact]
    public void Instances_already_on_the_target_version_are_not_moved()
    {
        var plan = Plan(MapJson, new MigratingInstance("A", "grant", 2, "examination", []));

        Assert.Equal(["the instance is on v2; a migration only moves to a newer version"], Assert.Single(plan.Instances).Errors);
    }

    [Fact]
    public void A_target_version_that_is_not_published_blocks_the_plan()
    {
        var plan = Plan(MapJson.Replace("\"toVersion\": 2", "\"toVersion\": 9", StringComparison.Ordinal), new MigratingInstance("A", "grant", 1, "review", []));

        Assert.Equal(["Workflow 'grant' v9 is not published."], plan.MapErrors);
    }

    [Fact]
    public void Planning_runs_no_step_so_the_same_plan_serves_the_dry_run_and_the_run()
    {
        var instance = new MigratingInstance("A", "grant", 1, "review", ["decision"]);

        var first = Plan(MapJson, instance);
        var second = Plan(MapJson, instance);

        Assert.Equal(first.Instances[0].ToState, second.Instances[0].ToState);
        Assert.Equal(first.Instances[0].ReplannedDeadlines, second.Instances[0].ReplannedDeadlines);
    }

    private static MigrationPlan Plan(string mapJson, params MigratingInstance[] instances)
    {
        var (map, diagnostics) = StateMapLoader.Load(mapJson);
        Assert.Empty(diagnostics);
        Assert.NotNull(map);
        return MigrationPlanner.Plan(Catalogue(V2), map, instances);
    }

    private static WorkflowCatalogue Catalogue(WorkflowDefinition target)
    {
        var catalogue = new WorkflowCatalogue();
        catalogue.TryPublish(V1, out _);
        catalogue.TryPublish(target, out _);
        return catalogue;
    }
}
