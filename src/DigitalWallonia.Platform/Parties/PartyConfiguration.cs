using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Parties;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> party)
    {
        party.ToTable("Parties");
        party.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        party.Property(p => p.Name).HasMaxLength(300);
        party.Property(p => p.EnterpriseNumber)
            .HasConversion(n => n!.Value.Digits, digits => EnterpriseNumber.FromStorage(digits))
            .HasMaxLength(10);
        party.HasIndex(p => p.EnterpriseNumber).IsUnique();
        party.Property(p => p.FiscalYearEnd).HasConversion(end => end!.Value.ToStorage(), value => FiscalYearEnd.FromStorage(value));
        party.Property(p => p.Version).IsConcurrencyToken();
        party.HasMany(p => p.EstablishmentUnits).WithOne().HasForeignKey(u => u.PartyId).OnDelete(DeleteBehavior.Cascade);
        party.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Cascade);
        party.Navigation(p => p.EstablishmentUnits).HasField("_establishmentUnits");
        party.Navigation(p => p.Contacts).HasField("_contacts");
    }
}
