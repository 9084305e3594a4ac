using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Demo;

internal sealed class SeedMarkerConfiguration : IEntityTypeConfiguration<SeedMarker>
{
    public void Configure(EntityTypeBuilder<SeedMarker> marker)
    {
        marker.ToTable("SeedMarkers");
        marker.HasKey(m => m.Name);
        marker.Property(m => m.Name).HasMaxLength(80);
    }
}
