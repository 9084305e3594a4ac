using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Dossiers;

internal sealed class DossierHistoryEntryConfiguration : IEntityTypeConfiguration<DossierHistoryEntry>
{
    public void Configure(EntityTypeBuilder<DossierHistoryEntry> entry)
    {
        entry.ToTable("DossierHistory");
        entry.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
        entry.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
        entry.Property(e => e.TransitionId).HasMaxLength(WorkflowNameLengths.TransitionId);
        entry.Property(e => e.Trigger).HasMaxLength(WorkflowNameLengths.Trigger); // "event payment-confirmed", "timer documents", an action name
        entry.Property(e => e.Action).HasMaxLength(WorkflowNameLengths.ActionName);
        entry.Property(e => e.SubjectId).HasMaxLength(200);
        entry.Property(e => e.PartyId).HasMaxLength(40);
        entry.Property(e => e.FromState).HasMaxLength(WorkflowNameLengths.StateId);
        entry.Property(e => e.ToState).HasMaxLength(WorkflowNameLengths.StateId);
    }
}
