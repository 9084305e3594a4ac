using System.Text.RegularExpressions;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>Binds <c>{"workingDays": 5}</c>, <c>{"calendarDays": 30}</c>, <c>{"iso": "P3Y"}</c> or <c>{"parameter": "voucher.decisionDelay"}</c>.</summary>
internal static partial class DurationBinder
{
    private static readonly string[] Kinds = ["iso", "calendarDays", "workingDays", "parameter"];

    // ISO-8601 durations as the scheduler accepts them: date part in years, months, weeks, days; time part in hours, minutes, seconds.
    [GeneratedRegex(@"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDuration();

    public static DeadlineDuration? Bind(PositionedNode node, string path, BindContext context)
    {
        var reader = context.AsObject(node, path, Kinds);
        if (reader is null)
        {
            return null;
        }

        var given = Kinds.Where(reader.Has).ToList();
        if (given.Count != 1)
        {
            context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.InvalidDuration($"give exactly one of {string.Join(", ", Kinds)}"), path, node.Position);
            return null;
        }

        switch (given[0])
        {
            case "iso":
                var iso = reader.RequiredString("iso");
                if (iso.Length > 0 && !IsoDuration().IsMatch(iso))
                {
                    context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.InvalidDuration($"'{iso}' is not an ISO-8601 duration such as P30D, P3Y or PT48H"), reader.PathOf("iso"), reader.Get("iso")?.Position ?? node.Position);
                    return null;
                }

                return iso.Length > 0 ? DeadlineDuration.FromIso(iso) : null;
            case "calendarDays":
                return reader.OptionalInt("calendarDays", 0, 36_600) is { } calendar ? DeadlineDuration.CalendarDays(calendar) : null;
            case "workingDays":
                return reader.OptionalInt("workingDays", 0, 3_660) is { } working ? DeadlineDuration.WorkingDays(working) : null;
            default:
                var parameter = reader.RequiredString("parameter");
                return parameter.Length > 0 ? DeadlineDuration.FromParameter(parameter) : null;
        }
    }
}
