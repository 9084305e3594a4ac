namespace DigitalWallonia.Platform.Casework;

/// <summary>Which slice of the work a queue shows before the other filters apply.</summary>
public enum QueueView
{
    All,
    AssignedToMe,

    /// <summary>In a state where this person's approval is what the workflow waits for, proposed by someone else.</summary>
    AwaitingMyApproval,

    /// <summary>A running deadline falls within <see cref="QueueFilter.DueWithinWorkingDays"/> working days (the deadline's calendar).</summary>
    DueSoon,

    Overdue,
}

public enum QueueSort
{
    Deadline,
    Reference,
    Programme,
    State,
    Applicant,
    Submitted,
    Amount,
    Holder,
}

/// <summary>
/// A queue's filters, all optional and combined with AND; the workspace keeps them in the page's address so a queue can be
/// bookmarked and shared. <see cref="Assignee"/> is a subject, or <see cref="Nobody"/> for dossiers nobody holds.
/// </summary>
public sealed record QueueFilter
{
    public const string Nobody = "-";

    public const int MaxPageSize = 100;

    public QueueView View { get; init; }

    public int DueWithinWorkingDays { get; init; } = 5;

    public string? Programme { get; init; }

    public string? State { get; init; }

    public string? Assignee { get; init; }

    public DateOnly? SubmittedFrom { get; init; }

    public DateOnly? SubmittedTo { get; init; }

    public decimal? AmountMin { get; init; }

    public decimal? AmountMax { get; init; }

    /// <summary>An enterprise number in any usual spelling (BE 0123.456.749, 0123456749).</summary>
    public string? EnterpriseNumber { get; init; }

    /// <summary>Part of the applicant's name, any case.</summary>
    public string? Name { get; init; }

    /// <summary>Part of the dossier's reference, any case.</summary>
    public string? Reference { get; init; }

    /// <summary>One box for all three: part of a reference or of a name, or an enterprise number.</summary>
    public string? Search { get; init; }

    public QueueSort Sort { get; init; } = QueueSort.Deadline;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>One dossier in a queue.</summary>
public sealed record QueueRow(
    string Reference,
    string Programme,
    string WorkflowId,
    int WorkflowVersion,
    string State,
    string? ApplicantName,
    string? EnterpriseNumber,
    DateOnly? SubmittedOn,
    decimal? RequestedAmount,
    string? HolderSubject,
    string? HolderName,
    DateTimeOffset? HeldSince,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineKind);

/// <summary>A page of a queue and how many dossiers match in all.</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
