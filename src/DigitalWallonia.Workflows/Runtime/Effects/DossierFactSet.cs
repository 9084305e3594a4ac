using System.Text.Json;

namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Set the dossier fact at path <see cref="Fact"/> to <see cref="Value"/>, given as input field <see cref="From"/>
/// (<c>setFact</c>), with its <see cref="Provenance"/> (declared by a party, decided by staff).
/// </summary>
public sealed record DossierFactSet(string Fact, JsonElement Value, string From, FactProvenance Provenance) : WorkflowEffect;
