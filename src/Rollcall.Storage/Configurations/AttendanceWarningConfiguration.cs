using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class AttendanceWarningConfiguration : IEntityTypeConfiguration<AttendanceWarning>
{
    public void Configure(EntityTypeBuilder<AttendanceWarning> builder)
    {
        builder.ToTable("attendance_warnings");
        builder.HasKey(w => new { w.StudentId, w.Subject });
        builder.Property(w => w.StudentId).HasMaxLength(50);
        builder.Property(w => w.Subject).HasMaxLength(200);
    }
}
