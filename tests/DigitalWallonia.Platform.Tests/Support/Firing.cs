using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>Firing a trigger on a test platform's dossier, in a scope of its own, as the hosts do.</summary>
public static class Firing
{
    public static async Task<FiringReport> FireAsync(TestPlatform platform, string reference, WorkflowTrigger trigger, Actor actor)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<DossierWorkflow>().FireAsync(reference, trigger, actor, CancellationToken.None);
    }

    /// <summary>An action's input or an event's payload: each value as its JSON form.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Input(params (string Name, object Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => JsonSerializer.SerializeToElement(f.Value));
}
