using DigitalWallonia.Platform.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("AuditEvents");
        audit.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
        audit.HasOne(e => e.Dossier).WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
        audit.Property(e => e.Kind).HasMaxLength(80);
        audit.Property(e => e.ActorSubject).HasMaxLength(200);
        audit.Property(e => e.PayloadHash).HasMaxLength(64);
        audit.Property(e => e.PersonalDataHash).HasMaxLength(64);
        audit.Property(e => e.Hash).HasMaxLength(64);
    }
}
