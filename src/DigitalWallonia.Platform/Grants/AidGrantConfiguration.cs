using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Grants;

internal sealed class AidGrantConfiguration : IEntityTypeConfiguration<AidGrant>
{
    public void Configure(EntityTypeBuilder<AidGrant> grant)
    {
        grant.ToTable("AidGrants");
        grant.HasOne<Party>().WithMany().HasForeignKey(g => g.BeneficiaryPartyId).OnDelete(DeleteBehavior.Restrict);
        grant.HasOne<Dossier>().WithMany().HasForeignKey(g => g.DossierId).OnDelete(DeleteBehavior.Restrict);
        grant.HasOne(g => g.Decision).WithMany().HasForeignKey(g => g.DecisionId).OnDelete(DeleteBehavior.Restrict);
        grant.HasIndex(g => new { g.BeneficiaryPartyId, g.GrantedOn });
        grant.HasIndex(g => g.DossierId);
        grant.HasIndex(g => g.DecisionId);
        grant.Property(g => g.Regulation)
            .HasConversion(r => r.Reference(), reference => AidRegulations.Parse(reference))
            .HasMaxLength(20);
        grant.Property(g => g.Authority).HasConversion<string>().HasMaxLength(20);
        grant.Property(g => g.GrantingAuthority).HasMaxLength(200);
        grant.Property(g => g.EvidenceDocumentId).HasMaxLength(100);
        grant.Property(g => g.Amount).HasConversion<MoneyConverter>();
        grant.Property(g => g.Wallet).HasMaxLength(60);
        grant.Property(g => g.Theme).HasMaxLength(60);
        grant.Property(g => g.ChequeType).HasMaxLength(60);
        grant.Property(g => g.Version).IsConcurrencyToken();
        grant.HasMany(g => g.StatusHistory).WithOne().HasForeignKey(c => c.AidGrantId).OnDelete(DeleteBehavior.Cascade);
        grant.Navigation(g => g.StatusHistory).HasField("_statusHistory");
    }
}
