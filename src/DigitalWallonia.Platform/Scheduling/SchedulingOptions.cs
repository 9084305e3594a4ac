using System.ComponentModel.DataAnnotations;

namespace DigitalWallonia.Platform.Scheduling;

/// <summary>
/// The scheduler of one node, bound from the <c>Scheduling</c> section (environment: <c>Scheduling__InstanceId</c>...).
/// The database is the platform's (<c>Database</c>, <c>ConnectionStrings:Default</c>); docs/scheduling.md explains the
/// embedded (SQLite, one node) and clustered (PostgreSQL or SQL Server, several nodes) set-ups.
/// </summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Whether this node runs the scheduler at all (hosts that call AddSchedulerHost). Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz's scheduler name: the same on every node of one cluster. Defaults to "DigitalWallonia".</summary>
    [Required]
    public string InstanceName { get; set; } = "DigitalWallonia";

    /// <summary>
    /// This node's id, unique in the cluster; it is Quartz's instance id and the <c>ClaimedBy</c> of the deadlines it
    /// claims. Defaults to null: host name, process id and a random suffix, so that a restarted process is a new node.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// Whether the Quartz job store runs clustered. Defaults to null: clustered on PostgreSQL and SQL Server, not on SQLite (Quartz
    /// refuses a clustered SQLite store, and one file has one node anyway).
    /// </summary>
    public bool? Clustered { get; set; }

    /// <summary>How often the deadline sweeper runs. Defaults to 1 second: a deadline fires at most about this late.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a node's claim on a due deadline or reminder holds; once expired another node takes it again (the first
    /// node's firing, if it still comes, is then refused). Must exceed the longest firing. Defaults to 2 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many due rows one claim takes. Defaults to 200.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How many transactions of firings a node runs at once (PostgreSQL; SQLite has one writer). Defaults to 4.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// How many firings share one transaction (one commit, one disk flush). If the target throws for one of them, the
    /// batch rolls back and each is fired again alone. 1 gives every firing its own transaction. Defaults to 20.
    /// </summary>
    [Range(1, 1000)]
    public int FiringsPerTransaction { get; set; } = 20;

    /// <summary>
    /// How long one sweep keeps claiming new batches before it returns (the next sweep goes on). Defaults to 30 seconds.
    /// </summary>
    public TimeSpan SweepBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Claims after which a deadline whose firing keeps failing is marked Failed. Defaults to 10.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long after a failed firing it is tried again. Defaults to 1 minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a clustered node checks in; a node silent for longer is considered dead and its jobs recovered. Defaults to 5 seconds.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Quartz worker threads of this node (recurring jobs run on them). Defaults to 4.</summary>
    [Range(1, 100)]
    public int ThreadCount { get; set; } = 4;

    /// <summary>
    /// A folder of calendar files (<c>NAME.json</c> and <c>programmes.json</c>) to use. Defaults to null: the content
    /// folder's <c>calendars/</c> when it has one (a checkout, a published node), else the ones built from the repository's.
    /// </summary>
    public string? CalendarsPath { get; set; }

    /// <summary>
    /// Extra Quartz properties, passed as they are and applied last (e.g. <c>Scheduling:Quartz:quartz.scheduler.idleWaitTime</c>).
    /// </summary>
    public Dictionary<string, string> Quartz { get; set; } = new(StringComparer.Ordinal);
}
