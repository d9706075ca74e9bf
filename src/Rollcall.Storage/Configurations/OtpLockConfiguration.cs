using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class OtpLockConfiguration : IEntityTypeConfiguration<OtpLock>
{
    public void Configure(EntityTypeBuilder<OtpLock> builder)
    {
        builder.ToTable("otp_locks");
        builder.HasKey(l => l.TelegramUserId);
    }
}
