using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Parties;

internal sealed class EstablishmentUnitConfiguration : IEntityTypeConfiguration<EstablishmentUnit>
{
    public void Configure(EntityTypeBuilder<EstablishmentUnit> unit)
    {
        unit.ToTable("EstablishmentUnits");
        unit.Property(u => u.Number)
            .HasConversion(n => n.Digits, digits => EstablishmentUnitNumber.Parse(digits))
            .HasMaxLength(10);
        unit.HasIndex(u => u.Number).IsUnique();
        unit.Property(u => u.Name).HasMaxLength(300);
        unit.Property(u => u.Street).HasMaxLength(300);
        unit.Property(u => u.Postcode).HasMaxLength(4);
        unit.Property(u => u.Municipality).HasMaxLength(100);
        unit.HasIndex(u => u.Postcode);
    }
}
