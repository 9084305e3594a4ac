using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Reporting.Agency;

/// <summary>The agency reviews a submitted report: validates it with its assessment, or returns it with reasons shown next to the values.</summary>
public sealed class TaskModel(ReportingWork work, ReportingTasks tasks) : PageModel
{
    public TaskDetail Detail { get; private set; } = null!;

    [BindProperty]
    public string? Assessment { get; set; }

    [BindProperty]
    public string? AssessmentNote { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Dictionary<string, string> Reasons { get; set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public bool CanReview => Detail.State == ReportingStates.Submitted && User.IsInRole(ReportingUser.AgencyRole);

    public async Task<IActionResult> OnGetAsync(string schedule, string period, string measure, string? done, CancellationToken cancellationToken)
    {
        if (await work.TaskAsync(schedule, period, measure, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        Done = done switch { "validated" => Ui.T("reporting.agency.validated"), "returned" => Ui.T("reporting.agency.returned"), _ => null };
        return Page();
    }

    public Task<IActionResult> OnPostValidateAsync(string schedule, string period, string measure, CancellationToken cancellationToken) =>
        ActAsync(schedule, period, measure, "validated", async reference => Assessments.All.Contains(Assessment ?? string.Empty)
            ? await tasks.ValidateAsync(reference, Assessment!, AssessmentNote, ReportingUser.Agency(User), cancellationToken)
            : null, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(string schedule, string period, string measure, CancellationToken cancellationToken) =>
        ActAsync(schedule, period, measure, "returned", async reference => string.IsNullOrWhiteSpace(Reason)
            ? null
            : await tasks.ReturnAsync(reference, Reason.Trim(), Reasons, ReportingUser.Agency(User), cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(string schedule, string period, string measure, string done, Func<string, Task<ReportingOutcome?>> act,
        CancellationToken cancellationToken)
    {
        if (await work.TaskAsync(schedule, period, measure, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        if (!User.IsInRole(ReportingUser.AgencyRole))
        {
            return Forbid();
        }

        try
        {
            switch (await act(detail.Task.Reference))
            {
                case null:
                    Error = done == "validated" ? Ui.T("reporting.agency.assessment") : Ui.T("reporting.error.reason-required");
                    return Page();
                case { Accepted: true }:
                    return RedirectToPage(new { schedule, period, measure, done });
                case var refused:
                    Error = Ui.T("reporting.error.other", refused.Message ?? refused.Code ?? string.Empty);
                    break;
            }
        }
        catch (DossierConflictException)
        {
            Error = Ui.T("reporting.task.conflict");
        }

        Detail = (await work.TaskAsync(schedule, period, measure, cancellationToken))!;
        return Page();
    }
}
