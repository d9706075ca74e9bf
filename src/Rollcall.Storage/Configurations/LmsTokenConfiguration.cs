using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class LmsTokenConfiguration : IEntityTypeConfiguration<LmsToken>
{
    public void Configure(EntityTypeBuilder<LmsToken> builder)
    {
        builder.ToTable("lms_tokens");
        builder.HasKey(t => t.TeacherId);
        builder.HasOne<Teacher>().WithOne().HasForeignKey<LmsToken>(t => t.TeacherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.MentorId).HasMaxLength(100);
    }
}
