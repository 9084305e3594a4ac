namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// The longest name, in characters, that a definition may give each thing the platform stores in a column of its own.
/// The platform's columns are sized from these constants (<c>HasMaxLength(WorkflowNameLengths.StateId)</c>), the
/// validator reports a longer name (DW2012) and the JSON Schema repeats them as <c>maxLength</c>; so a definition that
/// checks clean also fits in the database. Raising one is a database migration.
/// </summary>
public static class WorkflowNameLengths
{
    /// <summary>Dossiers.WorkflowId, PublishedWorkflows.WorkflowId.</summary>
    public const int WorkflowId = 80;

    /// <summary>DossierReferenceCounters.Programme, the narrowest column it lands in (the dossier reference's prefix).</summary>
    public const int Programme = 20;

    /// <summary>Dossiers.State, DossierHistory.FromState and ToState, Deadlines.State.</summary>
    public const int StateId = 80;

    /// <summary>DossierHistory.TransitionId, also when derived as <c>FROM->TO:TRIGGER</c>.</summary>
    public const int TransitionId = 120;

    /// <summary>DossierHistory.Action.</summary>
    public const int ActionName = 80;

    /// <summary>An external event's name; the history stores it as <c>event NAME</c> (<see cref="Trigger"/>).</summary>
    public const int EventName = 80;

    /// <summary>Deadlines.Kind; a timer's history entry stores it as <c>timer KIND</c> (<see cref="Trigger"/>).</summary>
    public const int DeadlineKind = 80;

    /// <summary>
    /// DossierHistory.Trigger: an action name, <c>automatic</c>, <c>timer KIND</c> or <c>event NAME</c>, so at least six
    /// more than <see cref="DeadlineKind"/> and <see cref="EventName"/>.
    /// </summary>
    public const int Trigger = 120;

    /// <summary>OutboxMessages.TemplateKey, DeadlineReminders.TemplateKey.</summary>
    public const int TemplateKey = 120;

    /// <summary>Decisions.Kind (the loader accepts only the five kinds of <c>recordDecision</c>).</summary>
    public const int DecisionKind = 40;

    /// <summary>Documents.Kind.</summary>
    public const int DocumentKind = 40;

    /// <summary>Instalments.Name.</summary>
    public const int InstalmentName = 80;

    /// <summary>EvaluationSnapshots.RuleSet, Decisions.RuleSet, Instalments.RuleSet.</summary>
    public const int RuleSet = 120;
}
