using DigitalWallonia.Platform.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Reporting;

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> cycle)
    {
        cycle.ToTable("ReportingCycles");
        cycle.Ignore(c => c.ReportingPeriod);
        cycle.Property(c => c.Schedule).HasMaxLength(40);
        cycle.Property(c => c.Period).HasMaxLength(10);
        cycle.Property(c => c.Periodicity).HasConversion<string>().HasMaxLength(20);
        cycle.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        cycle.Property(c => c.PublishedBy).HasMaxLength(200);
        cycle.Property(c => c.Version).IsConcurrencyToken();
        // One cycle per schedule and period, whichever node opens it first.
        cycle.HasIndex(c => new { c.Schedule, c.Period }).IsUnique();
        cycle.HasIndex(c => new { c.Status, c.PublishedAt });
    }
}

internal sealed class ReportingTaskConfiguration : IEntityTypeConfiguration<ReportingTask>
{
    public void Configure(EntityTypeBuilder<ReportingTask> task)
    {
        task.ToTable("ReportingTasks");
        task.Property(t => t.MeasureId).HasMaxLength(10);
        task.Property(t => t.CarrierKey).HasMaxLength(40);
        task.Property(t => t.Reference).HasMaxLength(40);
        task.Property(t => t.Assessment).HasMaxLength(20);
        task.Property(t => t.AssessmentNote).HasMaxLength(2000);
        task.Property(t => t.Version).IsConcurrencyToken();
        task.HasOne<ReportingCycle>().WithMany().HasForeignKey(t => t.CycleId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<Measure>().WithMany().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<ReportingCarrier>().WithMany().HasForeignKey(t => t.CarrierKey).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<Dossier>().WithMany().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Restrict);
        // One task per measure and cycle, however many nodes open the cycle.
        task.HasIndex(t => new { t.CycleId, t.MeasureId }).IsUnique();
        task.HasIndex(t => t.DossierId).IsUnique();
        task.HasIndex(t => t.Reference).IsUnique();
        task.HasIndex(t => t.CarrierKey);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> value)
    {
        value.ToTable("IndicatorValues");
        value.Property(v => v.Period).HasMaxLength(10);
        value.Property(v => v.Number).HasPrecision(19, 4);
        value.Property(v => v.Text).HasMaxLength(2000);
        value.Property(v => v.NoValueReason).HasMaxLength(2000);
        value.Property(v => v.Source).HasMaxLength(300);
        value.Property(v => v.Comment).HasMaxLength(2000);
        value.Property(v => v.ReturnReason).HasMaxLength(2000);
        value.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        value.Property(v => v.SubmittedBy).HasMaxLength(200);
        value.Property(v => v.ReviewedBy).HasMaxLength(200);
        value.HasOne<ReportingTask>().WithMany().HasForeignKey(v => v.TaskId).OnDelete(DeleteBehavior.Restrict);
        value.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        value.HasIndex(v => new { v.TaskId, v.IndicatorId, v.Submission }).IsUnique();
        // The public pages and the open data read published values by indicator.
        value.HasIndex(v => new { v.Status, v.IndicatorId });
    }
}
