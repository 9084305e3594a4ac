using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Access;

internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> person)
    {
        person.ToTable("KnownPeople");
        person.HasKey(p => p.Subject);
        person.Property(p => p.Subject).HasMaxLength(200);
        person.Property(p => p.Name).HasMaxLength(200);
    }
}
