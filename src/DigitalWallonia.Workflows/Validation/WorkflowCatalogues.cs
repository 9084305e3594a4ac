using DigitalWallonia.Workflows.Roles;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// The names a definition may refer to. A null catalogue is not checked (a tool run without the <c>templates/</c> folder,
/// say); an empty one is, and rejects every name.
/// </summary>
public sealed record WorkflowCatalogues
{
    public RoleCatalogue? Roles { get; init; }

    /// <summary>Template keys: <c>voucher-submitted</c> for <c>templates/fr/voucher-submitted.subject.hbs</c>.</summary>
    public IReadOnlySet<string>? Templates { get; init; }

    /// <summary>Rule-set names (<c>WorkflowName</c> of the files under <c>rules/</c>).</summary>
    public IReadOnlySet<string>? RuleSets { get; init; }

    public static WorkflowCatalogues None { get; } = new();
}
