using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class SessionNoticeConfiguration : IEntityTypeConfiguration<SessionNotice>
{
    public void Configure(EntityTypeBuilder<SessionNotice> builder)
    {
        builder.ToTable("session_notices");

        // One notice per session, student and kind: the second insert is the database's "told already".
        builder.HasKey(n => new { n.SessionId, n.StudentId, n.Kind });
        builder.Property(n => n.StudentId).HasMaxLength(50);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.HasOne<AttendanceSessionRow>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
