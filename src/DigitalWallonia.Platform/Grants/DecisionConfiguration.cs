using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Grants;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("Decisions");
        decision.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Decision>().WithMany().HasForeignKey(d => d.Reverses).OnDelete(DeleteBehavior.Restrict);
        decision.HasIndex(d => d.DossierId);
        decision.Property(d => d.Kind).HasMaxLength(WorkflowNameLengths.DecisionKind);
        decision.Property(d => d.Amount).HasConversion<MoneyConverter>();
        decision.Property(d => d.LegalBasis).HasMaxLength(500);
        decision.Property(d => d.DecidedBy).HasMaxLength(200);
        decision.Property(d => d.CountersignedBy).HasMaxLength(200);
        decision.Property(d => d.AppealRoute).HasMaxLength(1000);
        decision.Property(d => d.RuleSet).HasMaxLength(WorkflowNameLengths.RuleSet);
        decision.Property(d => d.RuleSetVersion).HasMaxLength(20);
    }
}
