using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class SessionBatchConfiguration : IEntityTypeConfiguration<SessionBatch>
{
    public void Configure(EntityTypeBuilder<SessionBatch> builder)
    {
        builder.ToTable("session_batches");
        builder.HasKey(b => new { b.SessionId, b.Batch });
        builder.Property(b => b.Batch).HasMaxLength(100);
        builder.Property(b => b.Subject).HasMaxLength(200);

        // The duplicate-session rule lives here: one session per teacher, batch, subject and date.
        builder.HasIndex(b => new { b.TeacherId, b.Batch, b.Subject, b.Date }).IsUnique();

        // A batch and subject over a term (/history, exports), whoever taught.
        builder.HasIndex(b => new { b.Batch, b.Subject, b.Date });
    }
}
