using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Access;

internal sealed class StaffRoleGrantConfiguration : IEntityTypeConfiguration<StaffRoleGrant>
{
    public void Configure(EntityTypeBuilder<StaffRoleGrant> grant)
    {
        grant.ToTable("StaffRoleGrants");
        grant.Property(g => g.Subject).HasMaxLength(200);
        grant.Property(g => g.Role).HasMaxLength(64);
        grant.Property(g => g.Programme).HasMaxLength(64);
        grant.Property(g => g.GrantedBy).HasMaxLength(200);
        grant.HasIndex(g => new { g.Subject, g.Role, g.Programme }).IsUnique();
    }
}

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> mandate)
    {
        mandate.ToTable("Mandates");
        mandate.Property(m => m.Subject).HasMaxLength(200);
        mandate.Property(m => m.EnterpriseNumber).HasMaxLength(10);
        mandate.Property(m => m.Role).HasMaxLength(64);
        mandate.Property(m => m.GrantedBy).HasMaxLength(200);
        mandate.HasIndex(m => new { m.Subject, m.EnterpriseNumber, m.Role }).IsUnique();
        mandate.HasIndex(m => m.EnterpriseNumber);
    }
}

internal sealed class ProviderKeyConfiguration : IEntityTypeConfiguration<ProviderKey>
{
    public void Configure(EntityTypeBuilder<ProviderKey> key)
    {
        key.ToTable("ProviderKeys");
        key.Property(k => k.Purpose).HasMaxLength(32);
        key.Property(k => k.Material).HasMaxLength(4000);
        // Two nodes starting on an empty database both generate a key: the second insert fails and that node reads the first's.
        key.HasIndex(k => k.Purpose).IsUnique();
    }
}
