using DigitalWallonia.Platform.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Reporting;

internal sealed class PlanThemeConfiguration : IEntityTypeConfiguration<PlanTheme>
{
    public void Configure(EntityTypeBuilder<PlanTheme> theme)
    {
        theme.ToTable("PlanThemes");
        theme.HasKey(t => t.Number);
        theme.Property(t => t.Number).ValueGeneratedNever();
        theme.Property(t => t.Name).HasMaxLength(300);
    }
}

internal sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> objective)
    {
        objective.ToTable("PlanObjectives");
        objective.HasKey(o => o.Code);
        objective.Property(o => o.Code).HasMaxLength(10);
        objective.Property(o => o.Name).HasMaxLength(500);
        objective.HasOne<PlanTheme>().WithMany().HasForeignKey(o => o.ThemeNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanAxisConfiguration : IEntityTypeConfiguration<PlanAxis>
{
    public void Configure(EntityTypeBuilder<PlanAxis> axis)
    {
        axis.ToTable("PlanAxes");
        axis.HasKey(a => a.Code);
        axis.Property(a => a.Code).HasMaxLength(10);
        axis.Property(a => a.ObjectiveCode).HasMaxLength(10);
        axis.Property(a => a.Name).HasMaxLength(500);
        axis.HasOne<PlanObjective>().WithMany().HasForeignKey(a => a.ObjectiveCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> indicator)
    {
        indicator.ToTable("PerformanceIndicators");
        indicator.Property(i => i.ObjectiveCode).HasMaxLength(10);
        indicator.Property(i => i.Name).HasMaxLength(500);
        indicator.Property(i => i.Baseline).HasMaxLength(500);
        indicator.Property(i => i.Target).HasMaxLength(500);
        indicator.Property(i => i.Horizon).HasMaxLength(100);
        indicator.HasOne<PlanObjective>().WithMany().HasForeignKey(i => i.ObjectiveCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportingCarrierConfiguration : IEntityTypeConfiguration<ReportingCarrier>
{
    public void Configure(EntityTypeBuilder<ReportingCarrier> carrier)
    {
        carrier.ToTable("ReportingCarriers");
        carrier.HasKey(c => c.Key);
        carrier.Property(c => c.Key).HasMaxLength(40);
        carrier.Property(c => c.ShortName).HasMaxLength(40);
        carrier.HasOne<Party>().WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
        carrier.HasIndex(c => c.PartyId).IsUnique();
    }
}

internal sealed class CarrierReporterConfiguration : IEntityTypeConfiguration<CarrierReporter>
{
    public void Configure(EntityTypeBuilder<CarrierReporter> reporter)
    {
        reporter.ToTable("CarrierReporters");
        reporter.Property(r => r.CarrierKey).HasMaxLength(40);
        reporter.Property(r => r.Subject).HasMaxLength(200);
        reporter.Property(r => r.Name).HasMaxLength(200);
        reporter.Property(r => r.AddedBy).HasMaxLength(200);
        reporter.HasOne<ReportingCarrier>().WithMany().HasForeignKey(r => r.CarrierKey).OnDelete(DeleteBehavior.Cascade);
        reporter.HasIndex(r => new { r.CarrierKey, r.Subject }).IsUnique();
        reporter.HasIndex(r => r.Subject);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> measure)
    {
        measure.ToTable("Measures");
        measure.HasKey(m => m.Id);
        measure.Property(m => m.Id).HasMaxLength(10);
        measure.HasIndex(m => m.Number).IsUnique();
        measure.Property(m => m.Title).HasMaxLength(500);
        measure.Property(m => m.Summary).HasMaxLength(4000);
        measure.Property(m => m.AxisCode).HasMaxLength(10);
        measure.Property(m => m.CarrierKey).HasMaxLength(40);
        measure.Property(m => m.CarrierAsWritten).HasMaxLength(1000);
        measure.Property(m => m.Participants).HasMaxLength(2000);
        measure.Property(m => m.IndicatorsStatus).HasMaxLength(500);
        measure.Property(m => m.Version).IsConcurrencyToken();
        measure.HasOne<PlanAxis>().WithMany().HasForeignKey(m => m.AxisCode).OnDelete(DeleteBehavior.Restrict);
        measure.HasOne<ReportingCarrier>().WithMany().HasForeignKey(m => m.CarrierKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.ToTable("Indicators");
        indicator.Property(i => i.Key).HasMaxLength(20);
        indicator.HasIndex(i => i.Key).IsUnique();
        indicator.Property(i => i.MeasureId).HasMaxLength(10);
        indicator.HasIndex(i => new { i.MeasureId, i.Position });
        indicator.Property(i => i.Name).HasMaxLength(500);
        indicator.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        indicator.Property(i => i.Periodicity).HasConversion<string>().HasMaxLength(20);
        indicator.Property(i => i.Unit).HasMaxLength(40);
        indicator.Property(i => i.Baseline).HasPrecision(19, 4);
        indicator.Property(i => i.Target).HasPrecision(19, 4);
        indicator.Property(i => i.Note).HasMaxLength(1000);
        indicator.Property(i => i.Version).IsConcurrencyToken();
        indicator.HasOne<Measure>().WithMany().HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> change)
    {
        change.ToTable("PlanChanges");
        change.Property(c => c.By).HasMaxLength(200);
        change.Property(c => c.Subject).HasMaxLength(20);
        change.Property(c => c.Key).HasMaxLength(250);
        change.Property(c => c.Change).HasMaxLength(20);
        change.HasIndex(c => new { c.Subject, c.Key });
    }
}
