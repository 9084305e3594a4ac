using System.Text.Json;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>The platform observed <see cref="EventName"/> (<c>document-uploaded</c>, <c>payment-confirmed</c>) for the dossier.</summary>
public sealed record ExternalEventReceived(string EventName) : WorkflowTrigger
{
    public IReadOnlyDictionary<string, JsonElement> Payload { get; init; } = new Dictionary<string, JsonElement>();
}
