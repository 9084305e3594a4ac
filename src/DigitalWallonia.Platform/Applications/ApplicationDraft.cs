using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalWallonia.Platform.Applications;

/// <summary>
/// An application being prepared, one per enterprise and programme: the answers given so far (by input field key, as the
/// submit action's input will take them), the sections completed and the provider chosen. Saved at each page so the
/// person can leave and resume; removed once the dossier is submitted. It is not a dossier: nothing is decided on it.
/// </summary>
public sealed class ApplicationDraft
{
    private ApplicationDraft()
    {
        Programme = EnterpriseNumber = AnswersJson = CompletedSections = UpdatedBy = "";
    }

    public ApplicationDraft(string programme, string enterpriseNumber, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programme);
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseNumber);
        Programme = programme;
        EnterpriseNumber = enterpriseNumber;
        AnswersJson = "{}";
        CompletedSections = "";
        UpdatedBy = by;
        UpdatedAt = at;
    }

    public long Id { get; private set; }

    public string Programme { get; private set; }

    /// <summary>The enterprise's ten digits.</summary>
    public string EnterpriseNumber { get; private set; }

    /// <summary>A JSON object: answers by input field key.</summary>
    public string AnswersJson { get; private set; }

    /// <summary>The sections completed, comma-separated.</summary>
    public string CompletedSections { get; private set; }

    /// <summary>The provider (a labelled party) chosen, when the programme needs one.</summary>
    public long? ProviderPartyId { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlySet<string> Completed => CompletedSections.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonElement> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(AnswersJson) ?? new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="answers"/> (replacing those of the same keys) and marks <paramref name="section"/> completed.</summary>
    public void Answer(string section, IReadOnlyDictionary<string, JsonElement> answers, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var all = JsonNode.Parse(AnswersJson)!.AsObject();
        foreach (var (key, value) in answers)
        {
            all[key] = JsonNode.Parse(value.GetRawText());
        }

        AnswersJson = all.ToJsonString();
        Complete(section, by, at);
    }

    public void ChooseProvider(long partyId, string section, string by, DateTimeOffset at)
    {
        ProviderPartyId = partyId;
        Complete(section, by, at);
    }

    public void Complete(string section, string by, DateTimeOffset at)
    {
        CompletedSections = string.Join(',', Completed.Append(section).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        UpdatedBy = by;
        UpdatedAt = at;
    }
}
