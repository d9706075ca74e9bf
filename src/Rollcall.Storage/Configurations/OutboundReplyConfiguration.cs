using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class OutboundReplyConfiguration : IEntityTypeConfiguration<OutboundReply>
{
    public void Configure(EntityTypeBuilder<OutboundReply> builder)
    {
        builder.ToTable("reply_outbox");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Bot).HasMaxLength(16);
        builder.Property(r => r.State).HasMaxLength(16);
        builder.Property(r => r.LastError).HasMaxLength(300);

        // The relay looks for each chat's oldest pending row.
        builder.HasIndex(r => new { r.State, r.Bot, r.ChatId, r.Id });
    }
}
