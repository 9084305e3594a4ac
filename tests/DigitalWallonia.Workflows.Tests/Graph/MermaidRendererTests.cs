using DigitalWallonia.Workflows.Graph;
using DigitalWallonia.Workflows.Tests.Support;

namespace DigitalWallonia.Workflows.Tests.Graph;

public class MermaidRendererTests
{
    private readonly string _graph = MermaidRenderer.Render(GrantWorkflow.Definition);

    [Fact]
    public void The_graph_is_a_state_diagram_starting_at_the_initial_state()
    {
        Assert.Contains("stateDiagram-v2\n", _graph, StringComparison.Ordinal);
        Assert.Contains("    [*] --> draft\n", _graph, StringComparison.Ordinal);
    }

    [Fact]
    public void State_ids_become_mermaid_ids_and_keep_their_label()
    {
        Assert.Contains("    state \"En attente de paiement\" as awaiting_payment\n", _graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_are_labelled_with_trigger_roles_and_guard()
    {
        Assert.Contains("    draft --> submitted : submit (applicant, company-representative)\n", _graph, StringComparison.Ordinal);
        Assert.Contains("    review --> awaiting_payment : timer decision\n", _graph, StringComparison.Ordinal);
        Assert.Contains("    awaiting_payment --> paid : event payment-confirmed\n", _graph, StringComparison.Ordinal);
        Assert.Contains("    submitted --> review : automatic [eligibility allPassed]\n", _graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Colons_in_labels_are_escaped_so_mermaid_does_not_cut_the_label()
    {
        Assert.Contains("proposed --> awaiting_payment : approve (supervisor) [amount rule#58;WithinCeiling]", _graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Final_states_lead_to_the_end_marker()
    {
        Assert.Contains("    paid --> [*]\n", _graph, StringComparison.Ordinal);
        Assert.Contains("    ineligible --> [*]\n", _graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_come_in_the_asked_culture_with_french_as_fallback()
    {
        var english = MermaidRenderer.Render(GrantWorkflow.Definition, "en");

        Assert.Contains("title: Premium (grant v1)", english, StringComparison.Ordinal);
        Assert.Contains("state \"Brouillon\" as draft", english, StringComparison.Ordinal);
    }

    [Fact]
    public void State_ids_that_clash_once_rewritten_stay_distinct()
    {
        var definition = Support.TestDefinitions.Load(Support.Minimal.With("{ \"id\": \"done\"", "{ \"id\": \"done-1\", \"kind\": \"final\", \"labels\": { \"fr\": \"A\" } },\n    { \"id\": \"done_1\", \"kind\": \"final\", \"labels\": { \"fr\": \"B\" } },\n    { \"id\": \"done\""));

        var graph = MermaidRenderer.Render(definition);

        Assert.Contains("state \"A\" as done_1\n", graph, StringComparison.Ordinal);
        Assert.Contains("state \"B\" as done_1_2\n", graph, StringComparison.Ordinal);
    }
}
