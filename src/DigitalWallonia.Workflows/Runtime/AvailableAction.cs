using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// An action a person may take on a dossier now, for task lists, buttons and forms: the action's name, where it leads,
/// its labels and the typed <see cref="Input"/> fields a form asks for (type, labels and help, required, constraints).
/// Guards are not evaluated here (they need the rule engine); firing checks them.
/// </summary>
public sealed record AvailableAction(string Name, string TransitionId, string To, IReadOnlyList<InputField> Input, LocalizedText Labels);
