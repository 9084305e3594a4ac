using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using DigitalWallonia.Workflows.Tests.Support;
using static DigitalWallonia.Workflows.Tests.Support.TestDefinitions;

namespace DigitalWallonia.Workflows.Tests.Runtime;

/// <summary>A link holding several parties (two providers sharing one service): each of them holds the link's roles and hears its notices.</summary>
public class SeveralPartiesTests
{
    private static readonly WorkflowDefinition Delivery = LoadValid("""
        {
          "id": "shared-delivery", "version": 1, "programme": "test", "title": { "fr": "Prestation partagée" },
          "states": [
            { "id": "ordered", "kind": "initial", "labels": { "fr": "Commandée" }, "roles": ["provider"] },
            { "id": "delivered", "kind": "final", "labels": { "fr": "Livrée" } }
          ],
          "transitions": [
            { "id": "deliver", "from": "ordered", "to": "delivered", "trigger": { "action": "deliver", "roles": ["provider"] },
              "actions": [ { "type": "notify", "template": "submitted", "to": ["provider", "applicant", "case-handler"] } ] }
          ]
        }
        """);

    private static readonly IReadOnlyList<PartyLink> TwoProviders =
        [new("applicant", "BE0123456789"), new("provider", "BE0555555555"), new("provider", "BE0666666666")];

    private readonly WorkflowRuntime _runtime = new(KnownRoles, new TableGuardEvaluator());

    [Theory]
    [InlineData("BE0555555555")]
    [InlineData("BE0666666666")]
    public void Each_party_of_a_link_holds_its_role(string provider)
    {
        var result = Deliver(new Actor("sub-provider", "Prestataire", ["provider"], provider));

        Assert.True(result.IsAccepted, result.Rejection?.Message);
    }

    [Fact]
    public void A_party_not_linked_under_the_role_is_refused_even_when_the_link_holds_several()
    {
        var result = Deliver(new Actor("sub-provider", "Prestataire", ["provider"], "BE0777777777"));

        Assert.Equal(RejectionReason.RoleMissing, result.Rejection?.Reason);
    }

    [Fact]
    public void A_notice_to_a_role_goes_to_every_party_of_its_link_and_once_to_a_global_role()
    {
        var outcome = Deliver(new Actor("sub-provider", "Prestataire", ["provider"], "BE0666666666")).Accepted();

        var notice = Assert.Single(outcome.Effects.OfType<NotificationRequested>());
        Assert.Equal(
            [
                new NotificationRecipient("provider", "BE0555555555"), new NotificationRecipient("provider", "BE0666666666"),
                new NotificationRecipient("applicant", "BE0123456789"), new NotificationRecipient("case-handler", null),
            ],
            notice.Recipients);
    }

    [Fact]
    public void A_role_whose_link_has_no_party_is_named_alone()
    {
        var recipients = NotificationRecipient.For(["provider"], KnownRoles, [new PartyLink("applicant", "BE0123456789")]);

        Assert.Equal([new NotificationRecipient("provider", null)], recipients);
    }

    private FiringResult Deliver(Actor actor) =>
        _runtime.Fire(Delivery, WorkflowInstance.New(Delivery, TwoProviders), GrantWorkflow.Action("deliver"), actor, Monday);
}
