using System.Text.Json;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Api.V1;

/// <summary>A dossier in a list: where it stands and who takes part. <c>version</c> changes with every change of the dossier.</summary>
public sealed record DossierSummary(
    long Id,
    string Reference,
    string Programme,
    string State,
    IReadOnlyDictionary<string, string> StateLabels,
    DateTimeOffset OpenedAt,
    DateOnly? SubmittedOn,
    DateOnly? DecidedOn,
    decimal? RequestedAmount,
    long Version,
    IReadOnlyList<DossierPartyModel> Parties);

/// <summary>A party of a dossier: its role there, its name, its enterprise number (ten digits) when it is a registered organisation.</summary>
public sealed record DossierPartyModel(string Role, string Name, string? EnterpriseNumber);

/// <summary>One page of dossiers, newest first; <c>total</c> counts every dossier the filters match.</summary>
public sealed record DossierPage(IReadOnlyList<DossierSummary> Items, int Page, int PageSize, int Total);

/// <summary>
/// A dossier: its summary, the workflow version it runs on, its facts, the actions the requester may take now (with the
/// typed input each expects) and its open deadlines.
/// </summary>
public sealed record DossierDetail(
    DossierSummary Dossier,
    WorkflowVersionRef Workflow,
    JsonElement Facts,
    IReadOnlyList<ActionModel> Actions,
    IReadOnlyList<DeadlineModel> OpenDeadlines);

public sealed record WorkflowVersionRef(string Id, int Version);

/// <summary>
/// An action the requester may take on the dossier now: <c>POST /api/v1/dossiers/{dossier}/actions/{name}</c> with its
/// input. Roles are checked here; a guard's rules only when it is fired.
/// </summary>
public sealed record ActionModel(string Name, string To, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<InputFieldModel> Input);

/// <summary>
/// One field of an action's input (docs/workflows.md, "Action input"): its key, type (<c>text</c>, <c>longText</c>,
/// <c>money</c>, <c>decimal</c>, <c>integer</c>, <c>date</c>, <c>boolean</c>, <c>choice</c>, <c>enterpriseNumber</c>,
/// <c>email</c>, <c>document</c>, <c>list</c>, <c>object</c>), labels and the constraints the workflow checks.
/// </summary>
public sealed record InputFieldModel(
    string Key,
    string Type,
    bool Required,
    IReadOnlyDictionary<string, string> Label,
    IReadOnlyDictionary<string, string> Help,
    decimal? Min,
    decimal? Max,
    int? MaxLength,
    string? Pattern,
    IReadOnlyList<InputOptionModel> Options,
    IReadOnlyList<string> MediaTypes,
    int? MaxSize,
    IReadOnlyList<InputFieldModel> Fields,
    InputFieldModel? Item)
{
    public static InputFieldModel Of(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new InputFieldModel(field.Key, JsonNamingPolicy.CamelCase.ConvertName(field.Type.ToString()), field.Required,
            field.Label.Values, field.Help.Values, field.Min, field.Max, field.MaxLength, field.Pattern,
            field.Options.Select(o => new InputOptionModel(o.Value, o.Label.Values)).ToList(), field.MediaTypes, field.MaxSize,
            field.Fields.Select(Of).ToList(), field.Item is null ? null : Of(field.Item));
    }
}

public sealed record InputOptionModel(string Value, IReadOnlyDictionary<string, string> Label);

/// <summary>A deadline of a dossier: what it is (<c>kind</c>), in which state it was set, when it falls due, where it stands.</summary>
public sealed record DeadlineModel(long Id, string Dossier, string Kind, string State, DateTimeOffset DueAt, string Status)
{
    public static DeadlineModel Of(Deadline deadline, string reference)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new(deadline.Id, reference, deadline.Kind, deadline.State, deadline.DueAt, deadline.Status.ToString().ToLowerInvariant());
    }
}
