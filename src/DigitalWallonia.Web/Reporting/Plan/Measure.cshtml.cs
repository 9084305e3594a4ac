using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Reporting.Plan;

/// <summary>Administrators edit one measure's indicators (kind, unit, periodicity, tracked, baseline, target, horizon) or add one.</summary>
public sealed class MeasureModel(PlatformDbContext db, PlanCatalogue catalogue) : PageModel
{
    public sealed class IndicatorInput
    {
        public string Key { get; set; } = string.Empty;

        public long Version { get; set; }

        public string? Name { get; set; }

        public string Kind { get; set; } = "number";

        public string? Unit { get; set; }

        public string Periodicity { get; set; } = "yearly";

        public bool Tracked { get; set; }

        public string? Baseline { get; set; }

        public string? Target { get; set; }

        public string? Horizon { get; set; }

        public string? Note { get; set; }
    }

    public Measure Measure { get; private set; } = null!;

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IReadOnlyList<IndicatorInput> Indicators { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        Message = saved ? Ui.T("reporting.plan.saved") : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!TryRead(Input, out var edit, out var problem))
        {
            Error = Ui.T("reporting.plan.invalid", problem);
            return Page();
        }

        try
        {
            if (string.IsNullOrEmpty(Input.Key))
            {
                await catalogue.AddIndicatorAsync(id, edit, ReportingUser.Subject(User), cancellationToken);
            }
            else
            {
                await catalogue.EditIndicatorAsync(Input.Key, Input.Version, edit, ReportingUser.Subject(User), cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Ui.T("reporting.task.conflict");
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        catch (ArgumentException e)
        {
            Error = Ui.T("reporting.plan.invalid", e.Message);
            return Page();
        }

        return RedirectToPage(new { id, saved = true });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await db.Set<Measure>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } measure)
        {
            return false;
        }

        Measure = measure;
        Indicators = (await db.Set<Indicator>().AsNoTracking().Where(i => i.MeasureId == id).OrderBy(i => i.Position).ToListAsync(cancellationToken))
            .Select(i => new IndicatorInput
            {
                Key = i.Key,
                Version = i.Version,
                Name = i.Name,
                Kind = IndicatorKinds.Name(i.Kind),
                Unit = i.Unit,
                Periodicity = IndicatorKinds.Name(i.Periodicity),
                Tracked = i.Tracked,
                Baseline = i.Baseline is { } b ? OpenData.Normalise(b).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Target = i.Target is { } t ? OpenData.Normalise(t).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Horizon = i.Horizon?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Note = i.Note,
            }).ToList();
        return true;
    }

    private static bool TryRead(IndicatorInput input, out PlanCatalogue.IndicatorEdit edit, out string problem)
    {
        edit = null!;
        problem = string.Empty;
        if (!IndicatorKinds.TryParse(input.Kind, out IndicatorKind kind) || !IndicatorKinds.TryParse(input.Periodicity, out ReportingPeriodicity periodicity))
        {
            problem = Ui.T("reporting.indicator.kind");
            return false;
        }

        decimal? Number(string? text, string what, ref string error)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (ValueCheck.TryParseNumber(text, out var value))
            {
                return value;
            }

            error = what;
            return null;
        }

        var error = string.Empty;
        var baseline = Number(input.Baseline, Ui.T("reporting.baseline"), ref error);
        var target = Number(input.Target, Ui.T("reporting.target"), ref error);
        int? horizon = null;
        if (!string.IsNullOrWhiteSpace(input.Horizon))
        {
            if (int.TryParse(input.Horizon, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
            {
                horizon = year;
            }
            else
            {
                error = Ui.T("reporting.horizon");
            }
        }

        if (error.Length > 0 || string.IsNullOrWhiteSpace(input.Name))
        {
            problem = error.Length > 0 ? error : Ui.T("reporting.plan.name");
            return false;
        }

        edit = new PlanCatalogue.IndicatorEdit(input.Name.Trim(), kind, input.Unit, periodicity, input.Tracked, baseline, target, horizon, input.Note);
        return true;
    }
}
