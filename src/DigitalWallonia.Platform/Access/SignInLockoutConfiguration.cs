using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Access;

internal sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<SignInLockout>
{
    public void Configure(EntityTypeBuilder<SignInLockout> lockout)
    {
        lockout.ToTable("SignInLockouts");
        lockout.HasKey(l => l.Subject);
        lockout.Property(l => l.Subject).HasMaxLength(200);
    }
}
