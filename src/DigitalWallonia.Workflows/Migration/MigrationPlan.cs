namespace DigitalWallonia.Workflows.Migration;

/// <summary>The plan for every instance given, in input order, plus errors in the map itself (which block every instance).</summary>
public sealed record MigrationPlan(IReadOnlyList<InstanceMigrationPlan> Instances, IReadOnlyList<string> MapErrors)
{
    public bool CanApply => MapErrors.Count == 0 && Instances.All(i => i.CanMigrate);
}
