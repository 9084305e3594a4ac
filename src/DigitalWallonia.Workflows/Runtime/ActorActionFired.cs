using System.Text.Json;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>A person did action <see cref="Name"/> (<c>submit</c>, <c>approve</c>) with input fields (a reason, an amount).</summary>
public sealed record ActorActionFired(string Name) : WorkflowTrigger
{
    public IReadOnlyDictionary<string, JsonElement> Input { get; init; } = new Dictionary<string, JsonElement>();
}
