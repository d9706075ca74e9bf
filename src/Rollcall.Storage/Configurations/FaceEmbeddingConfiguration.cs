using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class FaceEmbeddingConfiguration : IEntityTypeConfiguration<FaceEmbedding>
{
    public void Configure(EntityTypeBuilder<FaceEmbedding> builder)
    {
        builder.ToTable("face_embeddings");
        builder.HasKey(e => e.StudentId);
        builder.Property(e => e.StudentId).HasMaxLength(50);
        builder.Property(e => e.PhotoVersion).HasMaxLength(200);
    }
}
