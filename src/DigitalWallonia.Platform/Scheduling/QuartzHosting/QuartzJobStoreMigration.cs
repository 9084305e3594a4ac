using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// The tables of Quartz's ADO job store (prefix <c>qrtz_</c>), written from the table and column contract its
/// delegates read and write (Quartz ships no scripts in its package). Hand-written and provider-neutral: CLR column types
/// and lengths only, so PostgreSQL gets varchar/bigint/boolean/bytea, SQLite TEXT/INTEGER/BLOB and SQL Server
/// nvarchar(n)/bigint/bit/varbinary(max). Every text column that a key or an index holds has a length: SQL Server cannot
/// index nvarchar(max), and a clustered key holds at most 900 bytes (sched_name 120 + two names of 150 characters, two
/// bytes each, is 840). The lengths are those of Quartz's own schemas. Names are lower case because Quartz's SQL is
/// unquoted (PostgreSQL folds it to lower case; SQLite and SQL Server ignore the case of names). Columns added by Quartz
/// 3.17 to 3.20 (misfire_orig_fire_time, execution_group, preferred_node, preferred_node_auto) are included. Not part of
/// the EF model: the Initial migrations are regenerated from the model and never touch these tables. Each provider's
/// migration set carries it through its own subclass below.
/// </summary>
public abstract class QuartzJobStoreMigration : Migration
{
    /// <summary>The migration's id in each provider's set.</summary>
    public const string Id = "20261123000000_QuartzJobStore";

    private const int SchedulerName = 120;
    private const int Name = 150;
    private const int LongName = 200;

    private static readonly string[] TriggerKey = ["sched_name", "trigger_name", "trigger_group"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "qrtz_job_details",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                job_name = Text(t, Name),
                job_group = Text(t, Name),
                description = Text(t, 250, nullable: true),
                job_class_name = Text(t, 250),
                is_durable = t.Column<bool>(nullable: false),
                is_nonconcurrent = t.Column<bool>(nullable: false),
                is_update_data = t.Column<bool>(nullable: false),
                requests_recovery = t.Column<bool>(nullable: false),
                job_data = t.Column<byte[]>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_job_details", x => new { x.sched_name, x.job_name, x.job_group }));

        migrationBuilder.CreateTable(
            name: "qrtz_triggers",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                trigger_name = Text(t, Name),
                trigger_group = Text(t, Name),
                job_name = Text(t, Name),
                job_group = Text(t, Name),
                description = Text(t, 250, nullable: true),
                next_fire_time = t.Column<long>(nullable: true),
                prev_fire_time = t.Column<long>(nullable: true),
                priority = t.Column<int>(nullable: true),
                trigger_state = Text(t, 16),
                trigger_type = Text(t, 8),
                start_time = t.Column<long>(nullable: false),
                end_time = t.Column<long>(nullable: true),
                calendar_name = Text(t, LongName, nullable: true),
                misfire_instr = t.Column<int>(nullable: true),
                misfire_orig_fire_time = t.Column<long>(nullable: true),
                execution_group = Text(t, LongName, nullable: true),
                preferred_node = Text(t, LongName, nullable: true),
                preferred_node_auto = t.Column<bool>(nullable: false, defaultValue: false),
                job_data = t.Column<byte[]>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_qrtz_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                t.ForeignKey("fk_qrtz_triggers_job_details", x => new { x.sched_name, x.job_name, x.job_group },
                    "qrtz_job_details", ["sched_name", "job_name", "job_group"]);
            });

        migrationBuilder.CreateTable(
            name: "qrtz_simple_triggers",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                trigger_name = Text(t, Name),
                trigger_group = Text(t, Name),
                repeat_count = t.Column<long>(nullable: false),
                repeat_interval = t.Column<long>(nullable: false),
                times_triggered = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_qrtz_simple_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                t.ForeignKey("fk_qrtz_simple_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    "qrtz_triggers", TriggerKey, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "qrtz_simprop_triggers",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                trigger_name = Text(t, Name),
                trigger_group = Text(t, Name),
                str_prop_1 = Text(t, 512, nullable: true),
                str_prop_2 = Text(t, 512, nullable: true),
                str_prop_3 = Text(t, 512, nullable: true),
                int_prop_1 = t.Column<int>(nullable: true),
                int_prop_2 = t.Column<int>(nullable: true),
                long_prop_1 = t.Column<long>(nullable: true),
                long_prop_2 = t.Column<long>(nullable: true),
                dec_prop_1 = t.Column<decimal>(precision: 13, scale: 4, nullable: true),
                dec_prop_2 = t.Column<decimal>(precision: 13, scale: 4, nullable: true),
                bool_prop_1 = t.Column<bool>(nullable: true),
                bool_prop_2 = t.Column<bool>(nullable: true),
                time_zone_id = Text(t, 80, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_qrtz_simprop_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                t.ForeignKey("fk_qrtz_simprop_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    "qrtz_triggers", TriggerKey, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "qrtz_cron_triggers",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                trigger_name = Text(t, Name),
                trigger_group = Text(t, Name),
                cron_expression = Text(t, 120),
                time_zone_id = Text(t, 80, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_qrtz_cron_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                t.ForeignKey("fk_qrtz_cron_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    "qrtz_triggers", TriggerKey, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "qrtz_blob_triggers",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                trigger_name = Text(t, Name),
                trigger_group = Text(t, Name),
                blob_data = t.Column<byte[]>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_qrtz_blob_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                t.ForeignKey("fk_qrtz_blob_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    "qrtz_triggers", TriggerKey, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "qrtz_calendars",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                calendar_name = Text(t, LongName),
                calendar = t.Column<byte[]>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_calendars", x => new { x.sched_name, x.calendar_name }));

        migrationBuilder.CreateTable(
            name: "qrtz_paused_trigger_grps",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                trigger_group = Text(t, Name),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_paused_trigger_grps", x => new { x.sched_name, x.trigger_group }));

        migrationBuilder.CreateTable(
            name: "qrtz_fired_triggers",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                entry_id = Text(t, 140),
                trigger_name = Text(t, Name),
                trigger_group = Text(t, Name),
                instance_name = Text(t, LongName),
                fired_time = t.Column<long>(nullable: false),
                sched_time = t.Column<long>(nullable: false),
                priority = t.Column<int>(nullable: false),
                state = Text(t, 16),
                job_name = Text(t, Name, nullable: true),
                job_group = Text(t, Name, nullable: true),
                is_nonconcurrent = t.Column<bool>(nullable: false),
                requests_recovery = t.Column<bool>(nullable: true),
                execution_group = Text(t, LongName, nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_fired_triggers", x => new { x.sched_name, x.entry_id }));

        migrationBuilder.CreateTable(
            name: "qrtz_scheduler_state",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                instance_name = Text(t, LongName),
                last_checkin_time = t.Column<long>(nullable: false),
                checkin_interval = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_scheduler_state", x => new { x.sched_name, x.instance_name }));

        migrationBuilder.CreateTable(
            name: "qrtz_locks",
            columns: t => new
            {
                sched_name = Text(t, SchedulerName),
                lock_name = Text(t, 40),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_locks", x => new { x.sched_name, x.lock_name }));

        // The indexes the store's queries use: recovery, trigger acquisition by state and next fire time, fired-trigger cleanup.
        migrationBuilder.CreateIndex("idx_qrtz_j_req_recovery", "qrtz_job_details", ["sched_name", "requests_recovery"]);
        migrationBuilder.CreateIndex("idx_qrtz_j_g_n", "qrtz_job_details", ["sched_name", "job_group", "job_name"]);
        migrationBuilder.CreateIndex("idx_qrtz_t_next_fire_time", "qrtz_triggers", ["sched_name", "next_fire_time"]);
        migrationBuilder.CreateIndex("idx_qrtz_t_state", "qrtz_triggers", ["sched_name", "trigger_state"]);
        migrationBuilder.CreateIndex("idx_qrtz_t_nft_st", "qrtz_triggers", ["sched_name", "trigger_state", "next_fire_time"]);
        migrationBuilder.CreateIndex("idx_qrtz_t_g_n", "qrtz_triggers", ["sched_name", "trigger_group", "trigger_name"]);
        migrationBuilder.CreateIndex("idx_qrtz_t_j", "qrtz_triggers", ["sched_name", "job_name", "job_group"]);
        migrationBuilder.CreateIndex("idx_qrtz_ft_trig_nm_gp", "qrtz_fired_triggers", ["sched_name", "trigger_name", "trigger_group"]);
        migrationBuilder.CreateIndex("idx_qrtz_ft_trig_inst_name", "qrtz_fired_triggers", ["sched_name", "instance_name"]);
        migrationBuilder.CreateIndex("idx_qrtz_ft_job_req_recovery", "qrtz_fired_triggers", ["sched_name", "requests_recovery"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_simprop_triggers",
                     "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_calendars",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static OperationBuilder<AddColumnOperation> Text(ColumnsBuilder t, int maxLength, bool nullable = false) =>
        t.Column<string>(maxLength: maxLength, nullable: nullable);
}

[DbContext(typeof(SqlitePlatformDbContext))]
[Migration(Id)]
public sealed class SqliteQuartzJobStoreMigration : QuartzJobStoreMigration;

[DbContext(typeof(PostgresPlatformDbContext))]
[Migration(Id)]
public sealed class PostgresQuartzJobStoreMigration : QuartzJobStoreMigration;

[DbContext(typeof(SqlServerPlatformDbContext))]
[Migration(Id)]
public sealed class SqlServerQuartzJobStoreMigration : QuartzJobStoreMigration;
