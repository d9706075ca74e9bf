using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class StudentBindingConfiguration : IEntityTypeConfiguration<StudentBinding>
{
    public void Configure(EntityTypeBuilder<StudentBinding> builder)
    {
        builder.ToTable("student_bindings");
        builder.HasKey(b => b.StudentId);
        builder.Property(b => b.StudentId).HasMaxLength(50);
        builder.HasIndex(b => b.TelegramUserId);
    }
}
