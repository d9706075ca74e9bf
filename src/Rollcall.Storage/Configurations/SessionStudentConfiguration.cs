using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class SessionStudentConfiguration : IEntityTypeConfiguration<SessionStudent>
{
    public void Configure(EntityTypeBuilder<SessionStudent> builder)
    {
        builder.ToTable("session_students");
        builder.HasKey(s => new { s.SessionId, s.StudentId });
        builder.Property(s => s.StudentId).HasMaxLength(50);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Batch).HasMaxLength(100);
        builder.HasIndex(s => s.StudentId);
    }
}
