using DigitalWallonia.Platform.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Companies;

// The company register's tables, named after the extract's files. Entity numbers are the ten digits (an enterprise
// starts with 0 or 1, an establishment unit with 2 to 8), as Parties store theirs, so the two join on the number.
internal sealed class RegisteredEnterpriseConfiguration : IEntityTypeConfiguration<RegisteredEnterprise>
{
    public void Configure(EntityTypeBuilder<RegisteredEnterprise> enterprise)
    {
        enterprise.ToTable("CompanyEnterprises");
        enterprise.Property(e => e.Number).HasConversion(n => n.Digits, digits => EnterpriseNumber.FromStorage(digits)).HasMaxLength(10);
        enterprise.HasIndex(e => e.Number).IsUnique();
        enterprise.Property(e => e.Status).HasMaxLength(2);
        enterprise.Property(e => e.JuridicalSituation).HasMaxLength(3);
        enterprise.Property(e => e.TypeOfEnterprise).HasMaxLength(1);
        enterprise.Property(e => e.JuridicalForm).HasMaxLength(3);
        enterprise.Ignore(e => e.IsActive);
    }
}

internal sealed class RegisteredEstablishmentConfiguration : IEntityTypeConfiguration<RegisteredEstablishment>
{
    public void Configure(EntityTypeBuilder<RegisteredEstablishment> unit)
    {
        unit.ToTable("CompanyEstablishments");
        unit.Property(u => u.Number).HasConversion(n => n.Digits, digits => EstablishmentUnitNumber.Parse(digits)).HasMaxLength(10);
        unit.HasIndex(u => u.Number).IsUnique();
        unit.Property(u => u.EnterpriseNumber).HasConversion(n => n.Digits, digits => EnterpriseNumber.FromStorage(digits)).HasMaxLength(10);
        unit.HasIndex(u => u.EnterpriseNumber);
    }
}

internal sealed class RegisteredActivityConfiguration : IEntityTypeConfiguration<RegisteredActivity>
{
    public void Configure(EntityTypeBuilder<RegisteredActivity> activity)
    {
        activity.ToTable("CompanyActivities");
        activity.Property(a => a.EntityNumber).HasMaxLength(10);
        activity.HasIndex(a => a.EntityNumber);
        activity.Property(a => a.ActivityGroup).HasMaxLength(3);
        activity.Property(a => a.NaceVersion).HasMaxLength(4);
        activity.Property(a => a.NaceCode).HasMaxLength(7);
        activity.Property(a => a.Classification).HasMaxLength(4);
        activity.Ignore(a => a.DottedCode);
    }
}

internal sealed class RegisteredAddressConfiguration : IEntityTypeConfiguration<RegisteredAddress>
{
    public void Configure(EntityTypeBuilder<RegisteredAddress> address)
    {
        address.ToTable("CompanyAddresses");
        address.Property(a => a.EntityNumber).HasMaxLength(10);
        address.HasIndex(a => a.EntityNumber);
        address.Property(a => a.TypeOfAddress).HasMaxLength(4);
        address.Property(a => a.Country).HasMaxLength(100);
        address.Property(a => a.Zipcode).HasMaxLength(20);
        address.Property(a => a.Municipality).HasMaxLength(200);
        address.Property(a => a.Street).HasMaxLength(200);
        address.Property(a => a.HouseNumber).HasMaxLength(22);
        address.Property(a => a.Box).HasMaxLength(20);
        address.Ignore(a => a.IsInBelgium);
    }
}

internal sealed class RegisteredDenominationConfiguration : IEntityTypeConfiguration<RegisteredDenomination>
{
    public void Configure(EntityTypeBuilder<RegisteredDenomination> name)
    {
        name.ToTable("CompanyDenominations");
        name.Property(d => d.EntityNumber).HasMaxLength(10);
        name.HasIndex(d => d.EntityNumber);
        name.Property(d => d.Language).HasMaxLength(1);
        name.Property(d => d.TypeOfDenomination).HasMaxLength(3);
        name.Property(d => d.Denomination).HasMaxLength(320);
    }
}

internal sealed class RegisterCodeConfiguration : IEntityTypeConfiguration<RegisterCode>
{
    public void Configure(EntityTypeBuilder<RegisterCode> code)
    {
        code.ToTable("CompanyCodes");
        code.Property(c => c.Category).HasMaxLength(40);
        code.Property(c => c.Code).HasMaxLength(20);
        code.Property(c => c.Language).HasMaxLength(2);
        code.Property(c => c.Description).HasMaxLength(500);
        code.HasIndex(c => new { c.Category, c.Code, c.Language }).IsUnique();
    }
}

internal sealed class CompanyRegisterExtractConfiguration : IEntityTypeConfiguration<CompanyRegisterExtract>
{
    public void Configure(EntityTypeBuilder<CompanyRegisterExtract> extract)
    {
        extract.ToTable("CompanyRegisterExtracts");
        extract.Property(e => e.Type).HasMaxLength(10);
        extract.HasIndex(e => new { e.Number, e.Type }).IsUnique();
    }
}
