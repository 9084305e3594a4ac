namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// <c>setFact</c>: store the value of the action's input field <see cref="From"/> as the dossier fact at path
/// <see cref="Fact"/> (<c>declaration.staff</c>), with its provenance: <c>declared</c> when a party gave it,
/// <c>decided</c> when staff did. Only on a transition a person takes, and never for a <see cref="SystemFacts">system-owned fact</see>
/// when a party may take it.
/// </summary>
public sealed record SetFactAction(string Fact, string From) : WorkflowAction
{
    public override string Type => "setFact";
}
