using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Dossiers;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> dossier)
    {
        dossier.ToTable("Dossiers");
        dossier.Property(d => d.Reference).HasMaxLength(40);
        dossier.HasIndex(d => d.Reference).IsUnique();
        dossier.Property(d => d.Programme).HasMaxLength(40);
        dossier.Property(d => d.State).HasMaxLength(WorkflowNameLengths.StateId);
        dossier.Property(d => d.WorkflowId).HasMaxLength(WorkflowNameLengths.WorkflowId);
        dossier.HasIndex(d => new { d.WorkflowId, d.WorkflowVersion, d.State });
        dossier.HasIndex(d => new { d.Programme, d.State });
        dossier.Property(d => d.RequestedAmount).HasConversion<MoneyConverter>();
        dossier.Property(d => d.AuditHeadHash).HasMaxLength(64);
        dossier.Property(d => d.Version).IsConcurrencyToken();
        dossier.HasMany(d => d.Parties).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.Navigation(d => d.Parties).HasField("_parties");
    }
}
