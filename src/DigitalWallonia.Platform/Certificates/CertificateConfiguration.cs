using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Certificates;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.ToTable("Certificates");
        certificate.Property(c => c.Number).HasMaxLength(40);
        certificate.HasIndex(c => c.Number).IsUnique();
        certificate.HasOne<Dossier>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Restrict);
        certificate.HasIndex(c => c.DossierId);
        certificate.HasOne<Party>().WithMany().HasForeignKey(c => c.HolderPartyId).OnDelete(DeleteBehavior.Restrict);
        certificate.HasOne<Party>().WithMany().HasForeignKey(c => c.ProfessionalPartyId).OnDelete(DeleteBehavior.Restrict);
        certificate.HasOne(c => c.Document).WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
        certificate.HasOne<Certificate>().WithMany().HasForeignKey(c => c.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        certificate.Property(c => c.ContentSha256).HasMaxLength(64).IsFixedLength();
        certificate.Property(c => c.Seal).HasMaxLength(64).IsFixedLength();
    }
}
