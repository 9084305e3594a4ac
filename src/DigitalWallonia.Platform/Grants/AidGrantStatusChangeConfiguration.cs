using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Grants;

internal sealed class AidGrantStatusChangeConfiguration : IEntityTypeConfiguration<AidGrantStatusChange>
{
    public void Configure(EntityTypeBuilder<AidGrantStatusChange> change)
    {
        change.ToTable("AidGrantStatusChanges");
        change.HasIndex(c => new { c.AidGrantId, c.Sequence }).IsUnique();
        change.HasOne(c => c.Decision).WithMany().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Restrict);
        change.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Amount).HasConversion<MoneyConverter>();
    }
}
