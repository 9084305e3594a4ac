using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// The plan's data files as the repository keeps them (<c>reporting/plan.json</c>, <c>measures.json</c>,
/// <c>carriers.json</c>; the demo's reporters in <c>demo/reporting/reporters.json</c>), read and checked before anything is
/// stored: an unknown property, axis, carrier, kind or periodicity, a duplicated key, is an error that names the file
/// and the record.
/// </summary>
public static class PlanFiles
{
    public const string Plan = "plan.json";
    public const string Measures = "measures.json";
    public const string Carriers = "carriers.json";

    /// <summary>The demo's reporters, relative to the content root.</summary>
    public const string DemoReporters = "demo/reporting/reporters.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public sealed record PlanData(IReadOnlyList<ThemeData> Themes, IReadOnlyList<MeasureData> Measures, IReadOnlyList<CarrierData> Carriers);

    public sealed record ThemeData(int Number, string Name, int? Line, IReadOnlyList<ObjectiveData> Objectives);

    public sealed record ObjectiveData(string Code, string Name, int? Line, IReadOnlyList<AxisData> Axes, IReadOnlyList<PerformanceIndicatorData> PerformanceIndicators);

    public sealed record AxisData(string Code, string Name, int? Line);

    public sealed record PerformanceIndicatorData(string Name, string? Baseline, string? Target, string? Horizon, int? Line);

    public sealed record MeasureData(string Id, int Number, string Title, string Axis, string? Summary, string Carrier, string? CarrierAsWritten,
        IReadOnlyList<string>? Participants, int? LaunchYear, int? FullRegimeYear, int? Page, IReadOnlyList<int>? Lines, string? IndicatorsStatus,
        IReadOnlyList<IndicatorData> Indicators);

    public sealed record IndicatorData(string Key, string Name, string Kind, string? Unit, string Periodicity, bool Tracked,
        decimal? Baseline, decimal? Target, int? Horizon, string? Note);

    public sealed record CarrierData(string Key, string Name, string ShortName, string? EnterpriseNumber);

    public sealed record ReporterData(string Carrier, string Subject, string Name, string Email, string Language);

    private sealed record PlanFile(JsonElement? Source, string? About, IReadOnlyList<ThemeData> Themes);

    private sealed record MeasuresFile(JsonElement? Source, string? About, IReadOnlyList<MeasureData> Measures);

    private sealed record CarriersFile(JsonElement? Source, string? About, IReadOnlyList<CarrierData> Carriers);

    private sealed record ReportersFile(string? About, IReadOnlyList<ReporterData> Reporters);

    /// <summary>Reads and checks the three files of <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing, malformed or inconsistent; the message says where.</exception>
    public static PlanData Read(string folder)
    {
        var plan = Load<PlanFile>(folder, Plan);
        var measures = Load<MeasuresFile>(folder, Measures);
        var carriers = Load<CarriersFile>(folder, Carriers);
        var data = new PlanData(plan.Themes ?? [], measures.Measures ?? [], carriers.Carriers ?? []);
        var problems = Check(data).ToList();
        return problems.Count == 0
            ? data
            : throw new InvalidDataException($"The plan's data files in {folder} are inconsistent:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>Reads a reporters file (<see cref="DemoReporters"/>).</summary>
    public static IReadOnlyList<ReporterData> ReadReporters(string file)
    {
        var reporters = Load<ReportersFile>(Path.GetDirectoryName(file)!, Path.GetFileName(file)).Reporters ?? [];
        var problems = reporters
            .Where(r => string.IsNullOrWhiteSpace(r.Subject) || string.IsNullOrWhiteSpace(r.Carrier) || Language.Normalise(r.Language) is null)
            .Select(r => $"{file}: reporter '{r.Subject}' needs a subject, a carrier and a language of {string.Join(", ", Language.Supported)}.")
            .ToList();
        return problems.Count == 0 ? reporters : throw new InvalidDataException(string.Join(Environment.NewLine, problems));
    }

    private static T Load<T>(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Options) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static IEnumerable<string> Check(PlanData data)
    {
        var axes = data.Themes.SelectMany(t => t.Objectives).SelectMany(o => o.Axes).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var carriers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var carrier in data.Carriers)
        {
            if (!carriers.Add(carrier.Key))
            {
                yield return $"{Carriers}: carrier '{carrier.Key}' is listed twice.";
            }

            if (carrier.EnterpriseNumber is { } number && !EnterpriseNumber.IsValid(number))
            {
                yield return $"{Carriers}: carrier '{carrier.Key}': '{number}' is not a valid enterprise number.";
            }
        }

        var measureIds = new HashSet<string>(StringComparer.Ordinal);
        var indicatorKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in data.Measures)
        {
            if (!measureIds.Add(measure.Id) || measure.Id != $"M{measure.Number}")
            {
                yield return $"{Measures}: measure '{measure.Id}' is listed twice or does not match its number {measure.Number}.";
            }

            if (!axes.Contains(measure.Axis))
            {
                yield return $"{Measures}: {measure.Id}: unknown axis '{measure.Axis}' (not in {Plan}).";
            }

            if (!carriers.Contains(measure.Carrier))
            {
                yield return $"{Measures}: {measure.Id}: unknown carrier '{measure.Carrier}' (not in {Carriers}).";
            }

            foreach (var indicator in measure.Indicators ?? [])
            {
                if (!indicatorKeys.Add(indicator.Key) || !indicator.Key.StartsWith(measure.Id + ".", StringComparison.Ordinal))
                {
                    yield return $"{Measures}: {measure.Id}: indicator key '{indicator.Key}' is listed twice or does not start with '{measure.Id}.'.";
                }

                if (!IndicatorKinds.TryParse(indicator.Kind, out IndicatorKind _))
                {
                    yield return $"{Measures}: {indicator.Key}: unknown kind '{indicator.Kind}' (number, percentage, amount, yes-no, text).";
                }

                if (!IndicatorKinds.TryParse(indicator.Periodicity, out ReportingPeriodicity _))
                {
                    yield return $"{Measures}: {indicator.Key}: unknown periodicity '{indicator.Periodicity}' (quarterly, yearly).";
                }
            }
        }
    }
}
