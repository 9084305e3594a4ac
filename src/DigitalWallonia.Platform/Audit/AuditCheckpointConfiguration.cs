using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Audit;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> checkpoint)
    {
        checkpoint.ToTable("AuditCheckpoints");
        checkpoint.HasIndex(c => c.Sequence).IsUnique();
        checkpoint.Property(c => c.PreviousMac).HasMaxLength(64);
        checkpoint.Property(c => c.Mac).HasMaxLength(64);
    }
}
