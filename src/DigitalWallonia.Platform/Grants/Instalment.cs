namespace DigitalWallonia.Platform.Grants;

/// <summary>A planned payment of part of a grant (a milestone's share), paid once its conditions are met.</summary>
public sealed class Instalment
{
    private Instalment()
    {
        Name = Status = "";
    }

    internal Instalment(long dossierId, string name, decimal amount, DateTimeOffset? dueAt, string? ruleSet, DateTimeOffset plannedAt)
    {
        DossierId = dossierId;
        Name = name;
        Amount = amount;
        DueAt = dueAt;
        RuleSet = ruleSet;
        PlannedAt = plannedAt;
        Status = "planned";
    }

    public long Id { get; private set; }

    public long DossierId { get; private set; }

    /// <summary>The milestone: diagnosis, action-plan, implementation...</summary>
    public string Name { get; private set; }

    /// <summary>In EUR, from a rule output.</summary>
    public decimal Amount { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public string? RuleSet { get; private set; }

    /// <summary>planned, paid or cancelled.</summary>
    public string Status { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public void MarkPaid(DateTimeOffset at)
    {
        Status = "paid";
        PaidAt = at;
    }
}
