using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Dossiers;

internal sealed class DossierReferenceCounterConfiguration : IEntityTypeConfiguration<DossierReferenceCounter>
{
    public void Configure(EntityTypeBuilder<DossierReferenceCounter> counter)
    {
        counter.ToTable("DossierReferenceCounters");
        counter.HasKey(c => new { c.Programme, c.Year });
        counter.Property(c => c.Programme).HasMaxLength(WorkflowNameLengths.Programme);
    }
}
