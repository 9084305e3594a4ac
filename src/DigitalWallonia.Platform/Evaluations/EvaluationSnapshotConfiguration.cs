using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Evaluations;

internal sealed class EvaluationSnapshotConfiguration : IEntityTypeConfiguration<EvaluationSnapshot>
{
    public void Configure(EntityTypeBuilder<EvaluationSnapshot> snapshot)
    {
        snapshot.ToTable("EvaluationSnapshots");
        snapshot.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Restrict);
        snapshot.HasIndex(s => new { s.DossierId, s.RuleSet });
        snapshot.Property(s => s.RuleSet).HasMaxLength(WorkflowNameLengths.RuleSet);
        snapshot.Property(s => s.RuleSetVersion).HasMaxLength(20);
        snapshot.Property(s => s.AsOf).HasMaxLength(20);
        snapshot.Property(s => s.FactsHash).HasMaxLength(64);
        snapshot.Property(s => s.Purpose).HasMaxLength(40);
    }
}
