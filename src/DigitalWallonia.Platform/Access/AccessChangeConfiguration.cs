using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Access;

internal sealed class AccessChangeConfiguration : IEntityTypeConfiguration<AccessChange>
{
    public void Configure(EntityTypeBuilder<AccessChange> change)
    {
        change.ToTable("AccessChanges");
        change.Property(c => c.Kind).HasMaxLength(32);
        change.Property(c => c.ChangedBy).HasMaxLength(200);
        change.Property(c => c.Subject).HasMaxLength(200);
        change.Property(c => c.Role).HasMaxLength(64);
        change.Property(c => c.Programme).HasMaxLength(64);
        change.Property(c => c.EnterpriseNumber).HasMaxLength(10);
        change.HasIndex(c => c.OccurredAt);
        change.HasIndex(c => c.Subject);
    }
}
