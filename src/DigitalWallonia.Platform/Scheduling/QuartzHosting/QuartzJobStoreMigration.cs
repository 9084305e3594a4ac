using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// The tables of Quartz's ADO job store (prefix <c>qrtz_</c>), written from the table and column contract its
/// delegates read and write (Quartz ships no scripts in its package). Hand-written and provider-neutral: CLR column types
/// only, so PostgreSQL gets text/bigint/boolean/bytea and SQLite TEXT/INTEGER/BLOB. Names are lower case because Quartz's
/// SQL is unquoted (PostgreSQL folds it to lower case; SQLite ignores case). Columns added by Quartz 3.17 to 3.20
/// (misfire_orig_fire_time, execution_group, preferred_node, preferred_node_auto) are included. Not part of the EF
/// model: the Initial migration is regenerated from the model and never touches these tables.
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261123000000_QuartzJobStore")]
public sealed class QuartzJobStoreMigration : Migration
{
    private static readonly string[] TriggerKey = ["sched_name", "trigger_name", "trigger_group"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "qrtz_job_details",
            columns: t => new
            {
                sched_name = Text(t),
                job_name = Text(t),
                job_group = Text(t),
                description = Text(t, nullable: true),
                job_class_name = Text(t),
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
                sched_name = Text(t),
                trigger_name = Text(t),
                trigger_group = Text(t),
                job_name = Text(t),
                job_group = Text(t),
                description = Text(t, nullable: true),
                next_fire_time = t.Column<long>(nullable: true),
                prev_fire_time = t.Column<long>(nullable: true),
                priority = t.Column<int>(nullable: true),
                trigger_state = Text(t),
                trigger_type = Text(t),
                start_time = t.Column<long>(nullable: false),
                end_time = t.Column<long>(nullable: true),
                calendar_name = Text(t, nullable: true),
                misfire_instr = t.Column<short>(nullable: true),
                misfire_orig_fire_time = t.Column<long>(nullable: true),
                execution_group = t.Column<string>(maxLength: 200, nullable: true),
                preferred_node = t.Column<string>(maxLength: 200, nullable: true),
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
                sched_name = Text(t),
                trigger_name = Text(t),
                trigger_group = Text(t),
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
                sched_name = Text(t),
                trigger_name = Text(t),
                trigger_group = Text(t),
                str_prop_1 = Text(t, nullable: true),
                str_prop_2 = Text(t, nullable: true),
                str_prop_3 = Text(t, nullable: true),
                int_prop_1 = t.Column<int>(nullable: true),
                int_prop_2 = t.Column<int>(nullable: true),
                long_prop_1 = t.Column<long>(nullable: true),
                long_prop_2 = t.Column<long>(nullable: true),
                dec_prop_1 = t.Column<decimal>(nullable: true),
                dec_prop_2 = t.Column<decimal>(nullable: true),
                bool_prop_1 = t.Column<bool>(nullable: true),
                bool_prop_2 = t.Column<bool>(nullable: true),
                time_zone_id = Text(t, nullable: true),
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
                sched_name = Text(t),
                trigger_name = Text(t),
                trigger_group = Text(t),
                cron_expression = Text(t),
                time_zone_id = Text(t, nullable: true),
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
                sched_name = Text(t),
                trigger_name = Text(t),
                trigger_group = Text(t),
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
                sched_name = Text(t),
                calendar_name = Text(t),
                calendar = t.Column<byte[]>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_calendars", x => new { x.sched_name, x.calendar_name }));

        migrationBuilder.CreateTable(
            name: "qrtz_paused_trigger_grps",
            columns: t => new
            {
                sched_name = Text(t),
                trigger_group = Text(t),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_paused_trigger_grps", x => new { x.sched_name, x.trigger_group }));

        migrationBuilder.CreateTable(
            name: "qrtz_fired_triggers",
            columns: t => new
            {
                sched_name = Text(t),
                entry_id = Text(t),
                trigger_name = Text(t),
                trigger_group = Text(t),
                instance_name = Text(t),
                fired_time = t.Column<long>(nullable: false),
                sched_time = t.Column<long>(nullable: false),
                priority = t.Column<int>(nullable: false),
                state = Text(t),
                job_name = Text(t, nullable: true),
                job_group = Text(t, nullable: true),
                is_nonconcurrent = t.Column<bool>(nullable: false),
                requests_recovery = t.Column<bool>(nullable: true),
                execution_group = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_fired_triggers", x => new { x.sched_name, x.entry_id }));

        migrationBuilder.CreateTable(
            name: "qrtz_scheduler_state",
            columns: t => new
            {
                sched_name = Text(t),
                instance_name = Text(t),
                last_checkin_time = t.Column<long>(nullable: false),
                checkin_interval = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_qrtz_scheduler_state", x => new { x.sched_name, x.instance_name }));

        migrationBuilder.CreateTable(
            name: "qrtz_locks",
            columns: t => new
            {
                sched_name = Text(t),
                lock_name = Text(t),
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

    private static OperationBuilder<AddColumnOperation> Text(ColumnsBuilder t, bool nullable = false) => t.Column<string>(nullable: nullable);
}
