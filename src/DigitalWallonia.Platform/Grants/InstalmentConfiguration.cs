using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Grants;

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> instalment)
    {
        instalment.ToTable("Instalments");
        instalment.HasOne<Dossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Restrict);
        instalment.HasIndex(i => new { i.DossierId, i.Name });
        instalment.Property(i => i.Name).HasMaxLength(WorkflowNameLengths.InstalmentName);
        instalment.Property(i => i.Amount).HasConversion<MoneyConverter>();
        instalment.Property(i => i.RuleSet).HasMaxLength(WorkflowNameLengths.RuleSet);
        instalment.Property(i => i.Status).HasMaxLength(20);
    }
}
