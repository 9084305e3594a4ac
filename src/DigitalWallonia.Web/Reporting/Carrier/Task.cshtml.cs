using System.Globalization;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Reporting.Carrier;

/// <summary>
/// A carrier's report for one measure and cycle: one value per tracked indicator, of the indicator's kind, with its
/// period, source and comment, or the reason why none can be given; the agency's reasons shown next to the values it
/// returned; every earlier submission kept below. Only the carriers the person reports for see it (others: 404).
/// </summary>
public sealed class TaskModel(CarrierAccess access, ReportingWork work, ReportingTasks tasks) : PageModel
{
    public sealed class ValueInput
    {
        public string Indicator { get; set; } = string.Empty;

        public string? Period { get; set; }

        public string? Number { get; set; }

        public string? YesNo { get; set; }

        public string? Text { get; set; }

        public string? NoValueReason { get; set; }

        public string? Source { get; set; }

        public string? Comment { get; set; }
    }

    [BindProperty]
    public List<ValueInput> Values { get; set; } = [];

    public TaskDetail Detail { get; private set; } = null!;

    /// <summary>Error messages by field id (<c>values-2-source</c>), in the order of the form.</summary>
    public List<(string Id, string Message)> Errors { get; } = [];

    public string? Problem { get; private set; }

    public bool Submitted { get; private set; }

    public bool CanSubmit => ReportingStates.AwaitsCarrier(Detail.State);

    public async Task<IActionResult> OnGetAsync(string schedule, string period, string measure, bool submitted, CancellationToken cancellationToken)
    {
        if (await LoadAsync(schedule, period, measure, cancellationToken) is not { } _)
        {
            return NotFound();
        }

        Submitted = submitted;
        Values = Detail.Asked.Select(i => FromCurrent(i)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string schedule, string period, string measure, CancellationToken cancellationToken)
    {
        if (await LoadAsync(schedule, period, measure, cancellationToken) is not { } partyId)
        {
            return NotFound();
        }

        var values = new List<SubmittedValue>();
        for (var n = 0; n < Values.Count; n++)
        {
            var input = Values[n];
            decimal? number = null;
            if (!string.IsNullOrWhiteSpace(input.Number))
            {
                if (ValueCheck.TryParseNumber(input.Number, out var parsed))
                {
                    number = parsed;
                }
                else
                {
                    Errors.Add(($"values-{n}-number", $"{input.Indicator} : {Ui.T("reporting.error.invalid-number")}"));
                }
            }

            values.Add(new SubmittedValue(input.Indicator)
            {
                Period = string.IsNullOrWhiteSpace(input.Period) ? null : input.Period.Trim(),
                Number = number,
                YesNo = input.YesNo switch { "true" => true, "false" => false, _ => null },
                Text = input.Text,
                NoValueReason = input.NoValueReason,
                Source = input.Source,
                Comment = input.Comment,
            });
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            var outcome = await tasks.SubmitAsync(Detail.Task.Reference, values, ReportingUser.Carrier(User, partyId), cancellationToken);
            if (outcome.Accepted)
            {
                return RedirectToPage(new { schedule, period, measure, submitted = true });
            }

            foreach (var error in outcome.FieldErrors)
            {
                Errors.Add((FieldId(error.Field), Message(error.Field, error.Code, error.Message)));
            }

            if (outcome.FieldErrors.Count == 0)
            {
                Problem = Ui.T("reporting.error.other", outcome.Message ?? outcome.Code ?? string.Empty);
            }
        }
        catch (DossierConflictException)
        {
            Problem = Ui.T("reporting.task.conflict");
        }

        await LoadAsync(schedule, period, measure, cancellationToken); // the state may have moved
        return Page();
    }

    public string? Error(string id) => Errors.FirstOrDefault(e => e.Id == id).Message;

    public IndicatorValue? Current(string indicator) => Detail.CurrentValue(indicator);

    // The task, if it belongs to a carrier the person reports for: the carrier's party id.
    private async Task<long?> LoadAsync(string schedule, string period, string measure, CancellationToken cancellationToken)
    {
        var detail = await work.TaskAsync(schedule, period, measure, cancellationToken);
        var carriers = await ReportingUser.CarriersAsync(access, User, cancellationToken);
        if (detail is null || carriers.All(c => c.Key != detail.Task.CarrierKey))
        {
            return null;
        }

        Detail = detail;
        return carriers.First(c => c.Key == detail.Task.CarrierKey).PartyId;
    }

    private ValueInput FromCurrent(Indicator indicator)
    {
        var value = Current(indicator.Key);
        return new ValueInput
        {
            Indicator = indicator.Key,
            Period = value?.Period ?? Detail.Cycle.Period,
            Number = value?.Number is { } number ? Display.Number(number) : null,
            YesNo = value?.YesNo switch { true => "true", false => "false", _ => null },
            Text = value?.Text,
            NoValueReason = value?.NoValueReason,
            Source = value?.Source,
            Comment = value?.Comment,
        };
    }

    // "values[2].source" -> "values-2-source", the id of the field in the form.
    private static string FieldId(string field)
    {
        var id = field.Replace("[", "-", StringComparison.Ordinal).Replace("].", "-", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        return id is "values" ? "task-form" : id.Replace("-percentage", "-number", StringComparison.Ordinal).Replace("-amount", "-number", StringComparison.Ordinal)
            .Replace("-yesNo", "-yesno", StringComparison.Ordinal).Replace("-noValueReason", "-novalue", StringComparison.Ordinal);
    }

    private string Message(string field, string code, string fallback)
    {
        var key = $"reporting.error.{code}";
        var text = Ui.Keys.Contains(key) ? Ui.T(key) : fallback;
        var index = field.StartsWith("values[", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(7, field.IndexOf(']', StringComparison.Ordinal) - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return index >= 0 && index < Values.Count ? $"{Values[index].Indicator} : {text}" : text;
    }
}
