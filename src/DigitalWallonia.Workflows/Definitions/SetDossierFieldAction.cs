namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// <c>setField</c>: set dossier field <see cref="Field"/> to output <see cref="Output"/> of rule set <see cref="RuleSet"/>,
/// taken from its latest evaluation in the same firing, or from a new evaluation as of <see cref="AsOf"/>.
/// </summary>
public sealed record SetDossierFieldAction(string Field, string RuleSet, string Output, AsOfKind AsOf) : WorkflowAction
{
    public override string Type => "setField";
}
