using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Dossiers;

internal sealed class DossierPartyConfiguration : IEntityTypeConfiguration<DossierParty>
{
    public void Configure(EntityTypeBuilder<DossierParty> link)
    {
        link.ToTable("DossierParties");
        link.HasKey(l => new { l.DossierId, l.PartyId, l.Role });
        link.Property(l => l.Role).HasMaxLength(20);
        link.HasOne(l => l.Party).WithMany().HasForeignKey(l => l.PartyId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => new { l.PartyId, l.Role });
    }
}
