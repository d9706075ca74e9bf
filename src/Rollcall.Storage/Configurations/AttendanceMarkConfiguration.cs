using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> builder)
    {
        builder.ToTable("marks");

        // One mark per student per session.
        builder.HasKey(m => new { m.SessionId, m.StudentId });
        builder.Property(m => m.StudentId).HasMaxLength(50);

        // A live location's every later fix looks up the account's marks (H2).
        builder.HasIndex(m => m.TelegramUserId);
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.Reason).HasMaxLength(200);
        builder.Property(m => m.Remark).HasMaxLength(Marks.TeacherMarks.RemarkLength);
        builder.HasOne<AttendanceSessionRow>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
