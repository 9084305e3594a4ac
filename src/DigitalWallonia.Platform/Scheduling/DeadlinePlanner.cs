using System.Globalization;
using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Rules;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// Turns a workflow's deadline durations into UTC instants with the programme's working-day calendar. A duration that
/// names a parameter reads the rule parameter of that name in force on the trigger's date, so changing a delay is a new
/// dated parameter value, not a new workflow version. Thread-safe.
/// </summary>
public sealed class DeadlinePlanner(CalendarCatalogue calendars, RuleLibrary rules)
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>The due instant and the reminders' instants of a deadline started at <paramref name="trigger"/>.</summary>
    /// <exception cref="InvalidOperationException">A parameter duration names no parameter in force, or one of an unknown unit.</exception>
    public DeadlinePlan Plan(WorkflowDefinition workflow, DateTimeOffset trigger, DeadlineDuration duration, IReadOnlyList<ReminderDefinition> reminders)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return DeadlineCalculator.Plan(trigger, duration, reminders, calendars.ForProgramme(workflow.Programme), ParameterReader(workflow));
    }

    /// <summary>
    /// A new deadline row started at <paramref name="trigger"/>, with the reminders still ahead of <paramref name="now"/>
    /// (a deadline re-planned from an earlier start skips the reminders already past).
    /// </summary>
    public Deadline Create(long dossierId, WorkflowDefinition workflow, string kind, string state, bool livesWithDossier, DateTimeOffset trigger,
        DeadlineDuration duration, IReadOnlyList<ReminderDefinition> reminders, DateTimeOffset now)
    {
        var plan = Plan(workflow, trigger, duration, reminders);
        var deadline = new Deadline(dossierId, kind, state, plan.DueAt, now, livesWithDossier);
        foreach (var reminder in plan.Reminders.Where(r => r.DueAt > now))
        {
            deadline.AddReminder(reminder.DueAt, reminder.Definition.Template, reminder.Definition.Recipients);
        }

        return deadline;
    }

    public DateTimeOffset DueAt(WorkflowDefinition workflow, DeadlineDuration duration, DateTimeOffset trigger)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return DeadlineCalculator.DueAt(trigger, duration, calendars.ForProgramme(workflow.Programme), ParameterReader(workflow));
    }

    /// <summary>The legal date (Europe/Brussels) of an instant.</summary>
    public static DateOnly LegalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Brussels).DateTime);

    /// <summary>24:00 Brussels time at the end of <paramref name="day"/>, as a UTC instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => DeadlineCalculator.EndOfDay(day, Brussels);

    /// <summary>
    /// Reads parameters from the rule sets the workflow names, its programme's rules, only: a parameter of the same name
    /// in another programme's rule sets must not move this programme's deadlines (publishing refuses such a definition).
    /// </summary>
    private DurationParameterResolver ParameterReader(WorkflowDefinition workflow)
    {
        var own = WorkflowRuleSets.Named(workflow).Order(StringComparer.Ordinal).ToList();
        return (name, asOf) => ResolveParameter(workflow, own, name, asOf);
    }

    private DeadlineDuration ResolveParameter(WorkflowDefinition workflow, IReadOnlyList<string> own, string name, DateOnly asOf)
    {
        foreach (var ruleSetName in own)
        {
            if (rules.Registry.Resolve(ruleSetName, asOf) is { } ruleSet && ruleSet.TryGetValue(name, asOf, out var value, out var unit) && value is not null)
            {
                var text = value.ToJsonString().Trim('"');
                return (unit ?? "").ToLowerInvariant() switch
                {
                    "working days" or "working-days" or "jours ouvrables" => DeadlineDuration.WorkingDays(int.Parse(text, CultureInfo.InvariantCulture)),
                    "days" or "calendar days" or "calendar-days" or "jours" => DeadlineDuration.CalendarDays(int.Parse(text, CultureInfo.InvariantCulture)),
                    "iso-8601" or "duration" => DeadlineDuration.FromIso(text),
                    _ => throw new InvalidOperationException(
                        $"Parameter '{name}' of rule set '{ruleSetName}' has unit '{unit}'; a deadline needs 'working days', 'calendar days' or 'ISO-8601'."),
                };
            }
        }

        throw new InvalidOperationException(
            $"No rule set of workflow '{workflow.Id}' (programme '{workflow.Programme}': {string.Join(", ", own)}) in force on {asOf:yyyy-MM-dd} has a parameter '{name}' for this deadline.");
    }
}
