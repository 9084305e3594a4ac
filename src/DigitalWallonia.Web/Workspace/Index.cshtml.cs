using System.Globalization;
using DigitalWallonia.Platform.Calendars;
using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Identity;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Web.Workspace;

/// <summary>
/// The queue: every filter lives in the address (bookmarkable, shareable), sorting and paging are links. The search box
/// of every workspace page lands here; an exact reference goes straight to its dossier.
/// </summary>
public sealed class IndexModel(WorkQueue queue, WorkflowDefinitions definitions, CalendarCatalogue calendars, PlatformDbContext db,
    IOptions<LocalProviderOptions> people, TimeProvider clock) : PageModel
{
    private static readonly string[] FilterKeys = ["view", "days", "programme", "state", "assignee", "from", "to", "min", "max", "enterprise", "name", "reference", "q"];

    public QueueFilter Filter { get; private set; } = new();

    public QueuePage Result { get; private set; } = new([], 0, 1, 25);

    public IReadOnlyList<WorkflowDefinition> Workflows { get; private set; } = [];

    public IReadOnlyList<(string Subject, string Name)> Colleagues { get; private set; } = [];

    public IReadOnlyList<SavedQueueFilter> Saved { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<string> Programmes => [.. Workflows.Select(w => w.Programme).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = Read(Request.Query);
        var actor = StaffActor.Of(User);
        if (Filter.Search is { } search && await db.Dossiers.AsNoTracking().AnyAsync(d => d.Reference == search.Trim().ToUpperInvariant(), cancellationToken))
        {
            return Redirect($"/Workspace/Dossiers/{Uri.EscapeDataString(search.Trim().ToUpperInvariant())}");
        }

        Now = clock.GetUtcNow();
        Workflows = await definitions.AllPublishedAsync(db, cancellationToken);
        Result = await queue.ListAsync(Filter, actor, cancellationToken);
        var staff = await db.StaffRoleGrants.AsNoTracking().Where(g => g.Role == "case-handler" || g.Role == "supervisor")
            .Select(g => g.Subject).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
        Colleagues = [.. staff.Select(s => (s, people.Value.Find(s)?.Name ?? s))];
        Saved = await db.SavedQueueFilters.AsNoTracking()
            .Where(f => f.OwnerSubject == actor.SubjectId || (f.Team != null && actor.Roles.Contains(f.Team)))
            .OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Keeps the current filters under a name, for the person or shared with one of their roles.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string? name, string? team, string? query, CancellationToken cancellationToken)
    {
        var actor = StaffActor.Of(User);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || (team is { Length: > 0 } && !actor.Roles.Contains(team)))
        {
            return BadRequest();
        }

        db.SavedQueueFilters.Add(new SavedQueueFilter(actor.SubjectId, team, name, query ?? "", clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/Workspace?" + (query ?? "").TrimStart('?'));
    }

    public WorkingDayCalendar CalendarOf(string programme) => calendars.ForProgramme(programme);

    public string StateName(string workflowId, int version, string state) =>
        Workflows.FirstOrDefault(w => w.Id == workflowId && w.Version == version) is { } definition
            ? Timeline.StateLabel(definition, state, WorkspaceText.Language) : state;

    /// <summary>The address of this queue with some parameters changed (null removes one); the page goes back to 1.</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var query = FilterKeys.Concat(["sort", "desc", "page"])
            .Where(k => !string.IsNullOrEmpty(Request.Query[k]))
            .ToDictionary(k => k, k => (string?)Request.Query[k].ToString(), StringComparer.Ordinal);
        query.Remove("page");
        foreach (var (key, value) in changes)
        {
            query[key] = value;
        }

        var pairs = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/Workspace?" + string.Join("&", pairs);
    }

    /// <summary>The current filters as a query string (what a saved filter keeps).</summary>
    public string CurrentQuery => string.Join("&", FilterKeys.Concat(["sort", "desc"])
        .Where(k => !string.IsNullOrEmpty(Request.Query[k]))
        .Select(k => $"{k}={Uri.EscapeDataString(Request.Query[k].ToString())}"));

    internal static QueueFilter Read(IQueryCollection query)
    {
        string? Text(string key) => query[key].ToString() is { Length: > 0 } v ? v : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        decimal? Amount(string key) => decimal.TryParse(Text(key)?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) && a >= 0 ? decimal.Round(a, 2) : null;
        int? Number(string key) => int.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new QueueFilter
        {
            View = Enum.TryParse<QueueView>(Text("view"), ignoreCase: true, out var view) && Enum.IsDefined(view) ? view : QueueView.All,
            DueWithinWorkingDays = Math.Clamp(Number("days") ?? 5, 0, 60),
            Programme = Text("programme"),
            State = Text("state"),
            Assignee = Text("assignee"),
            SubmittedFrom = Day("from"),
            SubmittedTo = Day("to"),
            AmountMin = Amount("min"),
            AmountMax = Amount("max"),
            EnterpriseNumber = Text("enterprise"),
            Name = Text("name"),
            Reference = Text("reference"),
            Search = Text("q"),
            Sort = Enum.TryParse<QueueSort>(Text("sort"), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : QueueSort.Deadline,
            Descending = Text("desc") == "1",
            Page = Math.Max(1, Number("page") ?? 1),
            PageSize = 25,
        };
    }
}
