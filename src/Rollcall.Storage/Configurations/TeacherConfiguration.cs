using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class TeacherConfiguration : IEntityTypeConfiguration<Teacher>
{
    public void Configure(EntityTypeBuilder<Teacher> builder)
    {
        builder.ToTable("teachers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Phone).HasMaxLength(32);
        builder.Property(t => t.PhoneKey).HasMaxLength(32);
        builder.Property(t => t.LmsUsername).HasMaxLength(320);
        builder.HasIndex(t => t.PhoneKey).IsUnique();
        builder.HasIndex(t => t.TelegramUserId).IsUnique();
    }
}
