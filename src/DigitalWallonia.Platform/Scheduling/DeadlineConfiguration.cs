using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Scheduling;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> deadline)
    {
        deadline.ToTable("Deadlines");
        deadline.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        deadline.Property(d => d.Kind).HasMaxLength(WorkflowNameLengths.DeadlineKind);
        deadline.Property(d => d.State).HasMaxLength(WorkflowNameLengths.StateId);
        deadline.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        deadline.Property(d => d.ClaimedBy).HasMaxLength(200);
        deadline.HasIndex(d => new { d.Status, d.DueAt });
        deadline.HasIndex(d => new { d.DossierId, d.Status });
        deadline.HasMany(d => d.Reminders).WithOne().HasForeignKey(r => r.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        deadline.Navigation(d => d.Reminders).HasField("_reminders");
    }
}
