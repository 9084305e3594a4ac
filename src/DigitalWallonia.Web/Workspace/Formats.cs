using System.Globalization;
using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Scheduling;

namespace DigitalWallonia.Web.Workspace;

/// <summary>Dates, instants, amounts and deadlines as the workspace writes them, in the page's culture (fr-BE or en).</summary>
public static class Formats
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "—";

    /// <summary>An instant in Brussels time, where the administration works.</summary>
    public static string Instant(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Brussels).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    /// <summary>Euros with two decimals in the culture's digits: 24 000,00 € in French, €24,000.00 in English.</summary>
    public static string Money(decimal amount) => Shared.Ui.IsEnglish
        ? "€" + amount.ToString("N2", CultureInfo.CurrentCulture)
        : amount.ToString("N2", CultureInfo.CurrentCulture) + "\u00A0€";

    public static string Money(decimal? amount) => amount is { } a ? Money(a) : "—";

    /// <summary>The deadline's day and how many working days are left on <paramref name="calendar"/> ("in 3 working days").</summary>
    public static (string Day, string Distance, bool Overdue) Deadline(DateTimeOffset dueAt, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var due = DeadlineDistance.DueDay(dueAt);
        var days = DeadlineDistance.WorkingDays(calendar, DeadlinePlanner.LegalDate(now), due);
        var overdue = dueAt <= now;
        var distance = overdue ? WorkspaceText.T("due.overdue", Math.Max(1, -days))
            : days == 0 ? WorkspaceText.T("due.today")
            : WorkspaceText.T("due.in", days);
        return (Date(due), distance, overdue);
    }
}
