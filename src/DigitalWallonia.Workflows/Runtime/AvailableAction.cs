using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// An action a person may take on a dossier now, for task lists and buttons: the action's name, where it leads and the
/// input it needs. Guards are not evaluated here (they need the rule engine); firing checks them.
/// </summary>
public sealed record AvailableAction(string Name, string TransitionId, string To, IReadOnlyList<string> RequiredInput, LocalizedText Labels);
