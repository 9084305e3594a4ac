namespace DigitalWallonia.Workflows.Definitions;

/// <summary>What a guard waits for in a rule-set outcome.</summary>
public enum GuardConditionKind
{
    /// <summary><c>allPassed</c>: every rule of the set passed.</summary>
    AllPassed,

    /// <summary><c>rule:NAME</c>: the named rule passed.</summary>
    Rule,

    /// <summary><c>event:NAME</c>: a passed rule raised the named success event.</summary>
    SuccessEvent,
}
