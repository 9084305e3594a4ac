using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

public class AutomaticChainTests
{
    // a -(go)-> b -auto-> c -auto-> d -auto-> e, each automatic step guarded by its own rule set; e -auto-> b closes a loop.
    private const string ChainJson = """
        {
          "id": "chain", "version": 1, "title": { "fr": "Chaîne" }, "programme": "test",
          "states": [
            { "id": "a", "kind": "initial", "labels": { "fr": "A" }, "roles": ["case-handler"] },
            { "id": "b", "labels": { "fr": "B" }, "roles": ["case-handler"] },
            { "id": "c", "labels": { "fr": "C" }, "roles": ["case-handler"] },
            { "id": "d", "labels": { "fr": "D" }, "roles": ["case-handler"] },
            { "id": "e", "labels": { "fr": "E" }, "roles": ["case-handler"] },
            { "id": "z", "kind": "final", "labels": { "fr": "Z" } }
          ],
          "transitions": [
            { "from": "a", "to": "b", "trigger": { "action": "go" } },
            { "from": "b", "to": "c", "trigger": { "automatic": true }, "guard": { "ruleSet": "bc", "asOf": "today" } },
            { "from": "c", "to": "d", "trigger": { "automatic": true }, "guard": { "ruleSet": "cd", "asOf": "today" } },
            { "from": "d", "to": "e", "trigger": { "automatic": true }, "guard": { "ruleSet": "de", "asOf": "today" } },
            { "from": "e", "to": "b", "trigger": { "automatic": true }, "guard": { "ruleSet": "loop", "asOf": "today" } },
            { "from": "b", "to": "z", "trigger": { "action": "stop" } },
            { "from": "c", "to": "z", "trigger": { "action": "stop" } },
            { "from": "d", "to": "z", "trigger": { "action": "stop" } },
            { "from": "e", "to": "z", "trigger": { "action": "stop" } }
          ]
        }
        """;

    private readonly WorkflowDefinition _definition = LoadValidChain();

    [Fact]
    public void Automatic_transitions_chain_until_no_guard_holds()
    {
        var evaluator = Evaluator(bc: true, cd: true, de: false, loop: false);

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Fire(_definition, WorkflowInstance.New(_definition), GrantWorkflow.Action("go"), Handler, Monday).Accepted();

        Assert.Equal("d", outcome.State);
        Assert.Equal(["a", "b", "c"], outcome.Steps.Select(s => s.From));
        Assert.Equal(3, outcome.NewHistory.Count);
    }

    [Fact]
    public void A_chain_that_would_enter_a_state_twice_is_refused_as_a_cycle()
    {
        var evaluator = Evaluator(bc: true, cd: true, de: true, loop: true);

        var result = new WorkflowRuntime(KnownRoles, evaluator).Fire(_definition, WorkflowInstance.New(_definition), GrantWorkflow.Action("go"), Handler, Monday);

        Assert.Equal(RejectionReason.AutomaticCycle, result.Rejection?.Reason);
        Assert.Contains("would enter state 'b' a second time", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_longer_than_the_configured_bound_is_refused()
    {
        var evaluator = Evaluator(bc: true, cd: true, de: true, loop: false);
        var runtime = new WorkflowRuntime(KnownRoles, evaluator, new WorkflowRuntimeSettings { MaxAutomaticSteps = 2 });

        var result = runtime.Fire(_definition, WorkflowInstance.New(_definition), GrantWorkflow.Action("go"), Handler, Monday);

        Assert.Equal(RejectionReason.AutomaticChainTooLong, result.Rejection?.Reason);
    }

    [Fact]
    public void A_chain_within_the_bound_is_accepted()
    {
        var evaluator = Evaluator(bc: true, cd: true, de: true, loop: false);
        var runtime = new WorkflowRuntime(KnownRoles, evaluator, new WorkflowRuntimeSettings { MaxAutomaticSteps = 3 });

        var result = runtime.Fire(_definition, WorkflowInstance.New(_definition), GrantWorkflow.Action("go"), Handler, Monday);

        Assert.Equal("e", result.Outcome?.State);
    }

    [Fact]
    public void Automatic_transitions_also_chain_from_the_initial_state_at_start()
    {
        var definition = Load(ChainJson.Replace("\"id\": \"a\", \"kind\": \"initial\"", "\"id\": \"a\"", StringComparison.Ordinal)
            .Replace("\"id\": \"b\", \"labels\"", "\"id\": \"b\", \"kind\": \"initial\", \"labels\"", StringComparison.Ordinal)
            .Replace("{ \"from\": \"a\", \"to\": \"b\", \"trigger\": { \"action\": \"go\" } },", string.Empty, StringComparison.Ordinal)
            .Replace("{ \"id\": \"a\", \"labels\": { \"fr\": \"A\" }, \"roles\": [\"case-handler\"] },", string.Empty, StringComparison.Ordinal));
        var evaluator = Evaluator(bc: true, cd: false, de: false, loop: false);

        var outcome = new WorkflowRuntime(KnownRoles, evaluator).Start(definition, WorkflowInstance.New(definition), Handler, Monday).Accepted();

        Assert.Equal("c", outcome.State);
    }

    private static TableGuardEvaluator Evaluator(bool bc, bool cd, bool de, bool loop) => new TableGuardEvaluator()
        .Answer("bc", new GuardOutcome(bc, "1"))
        .Answer("cd", new GuardOutcome(cd, "1"))
        .Answer("de", new GuardOutcome(de, "1"))
        .Answer("loop", new GuardOutcome(loop, "1"));

    private static WorkflowDefinition LoadValidChain()
    {
        var definition = Load(ChainJson);
        Assert.Empty(DigitalWallonia.Workflows.Validation.WorkflowValidator.Validate(definition, Catalogues("bc", "cd", "de", "loop")));
        return definition;
    }
}
