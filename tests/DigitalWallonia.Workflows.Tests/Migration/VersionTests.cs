using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Versions;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Migration;

public class VersionTests
{
    [Fact]
    public void A_new_instance_is_pinned_to_the_version_it_starts_on()
    {
        var v1 = GrantWorkflow.Definition;

        var instance = WorkflowInstance.New(v1);

        Assert.Equal(("grant", 1, "draft"), (instance.DefinitionId, instance.DefinitionVersion, instance.State));
    }

    [Fact]
    public void Publishing_a_version_that_exists_is_refused()
    {
        var catalogue = new WorkflowCatalogue();
        Assert.True(catalogue.TryPublish(GrantWorkflow.Definition, out _));

        Assert.False(catalogue.TryPublish(GrantWorkflow.Definition with { Title = Definitions.LocalizedText.French("Autre") }, out var error));
        Assert.Equal("Workflow 'grant' v1 is already published; publish a new version instead.", error);
    }

    [Fact]
    public void Running_instances_keep_their_version_after_a_newer_one_is_published()
    {
        var catalogue = new WorkflowCatalogue();
        var v1 = GrantWorkflow.Definition;
        catalogue.TryPublish(v1, out _);
        var instance = WorkflowInstance.New(v1);

        catalogue.TryPublish(v1 with { Version = 2 }, out _);

        Assert.Equal(2, catalogue.Latest("grant")?.Version);
        Assert.Equal([1, 2], catalogue.Versions("grant"));
        Assert.True(catalogue.TryGetPinned(instance, out var pinned));
        Assert.Same(v1, pinned);
    }

    [Fact]
    public void Firing_an_instance_with_another_version_of_its_definition_is_refused()
    {
        var v1 = GrantWorkflow.Definition;
        var instance = GrantWorkflow.Draft(v1);

        var result = new WorkflowRuntime(KnownRoles, GrantWorkflow.EligibleEvaluator()).Fire(v1 with { Version = 2 }, instance, GrantWorkflow.Action("submit", ("amount", 1)), Company, Monday);

        Assert.Equal(RejectionReason.VersionMismatch, result.Rejection?.Reason);
        Assert.Equal("The dossier is pinned to workflow 'grant' v1, not 'grant' v2.", result.Rejection?.Message);
    }

    [Fact]
    public void An_instance_in_a_state_its_definition_does_not_have_is_refused()
    {
        var v1 = GrantWorkflow.Definition;

        var result = new WorkflowRuntime(KnownRoles, GrantWorkflow.EligibleEvaluator()).Fire(v1, GrantWorkflow.InState(v1, "limbo"), GrantWorkflow.Action("submit"), Company, Monday);

        Assert.Equal(RejectionReason.UnknownState, result.Rejection?.Reason);
    }
}
