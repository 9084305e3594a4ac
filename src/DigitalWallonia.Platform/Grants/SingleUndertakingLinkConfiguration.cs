using DigitalWallonia.Platform.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Grants;

internal sealed class SingleUndertakingLinkConfiguration : IEntityTypeConfiguration<SingleUndertakingLink>
{
    public void Configure(EntityTypeBuilder<SingleUndertakingLink> link)
    {
        link.ToTable("SingleUndertakingLinks");
        link.HasOne<Party>().WithMany().HasForeignKey(l => l.ControllingPartyId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne<Party>().WithMany().HasForeignKey(l => l.ControlledPartyId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => l.ControllingPartyId);
        link.HasIndex(l => l.ControlledPartyId);
        link.Property(l => l.Basis).HasMaxLength(40);
    }
}
