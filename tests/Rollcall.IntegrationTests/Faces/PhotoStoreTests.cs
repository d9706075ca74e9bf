using Amazon.S3;
using Rollcall.Faces.Photos;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

public sealed class FolderPhotoStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("rollcall-folder-");

    [Fact]
    public async Task SavedPhoto_IsFoundWithAVersionThatChangesWithThePhoto()
    {
        var store = new FolderPhotoStore(folder.FullName);
        await store.SaveAsync("S-001", File.ReadAllBytes(TestFaces.Person01), CancellationToken.None);
        var first = await store.FindAsync("S-001", CancellationToken.None);

        await store.SaveAsync("S-001", File.ReadAllBytes(TestFaces.Person02), CancellationToken.None);
        var second = await store.FindAsync("S-001", CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(folder.FullName, "S-001.jpg")));
        Assert.Equal(File.ReadAllBytes(TestFaces.Person02), second!.Bytes);
        Assert.NotEqual(first!.VersionTag, second.VersionTag);
    }

    [Fact]
    public async Task PngPhoto_IsStoredAsPngAndFound()
    {
        var store = new FolderPhotoStore(folder.FullName);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3];

        await store.SaveAsync("s2", png, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(folder.FullName, "s2.png")));
        Assert.Equal(png, (await store.FindAsync("s2", CancellationToken.None))!.Bytes);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("x\\y")]
    public async Task IdThatCouldEscapeTheFolder_IsRefused(string id)
    {
        var store = new FolderPhotoStore(Path.Combine(folder.FullName, "photos"));
        File.WriteAllBytes(Path.Combine(folder.FullName, "secret.jpg"), [1, 2, 3]);

        Assert.Null(await store.FindAsync(id, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(id, new byte[] { 1 }, CancellationToken.None));
    }

    [Fact]
    public async Task SaveListAndFind_AgreeOnTheVersion_AndDeleteRemovesThePhoto()
    {
        var store = new FolderPhotoStore(folder.FullName);
        var saved = await store.SaveAsync("S-7", File.ReadAllBytes(TestFaces.Person01), CancellationToken.None);
        var listed = await store.ListVersionsAsync(CancellationToken.None);
        var found = await store.FindAsync("S-7", CancellationToken.None);

        await store.DeleteAsync("S-7", CancellationToken.None);

        Assert.Equal([new Rollcall.Ports.PhotoVersion("S-7", saved)], listed);
        Assert.Equal(saved, found!.VersionTag);
        Assert.Null(await store.FindAsync("S-7", CancellationToken.None));
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StudentWithoutAPhoto_IsNotFound() =>
        Assert.Null(await new FolderPhotoStore(folder.FullName).FindAsync("nobody", CancellationToken.None));

    public void Dispose() => folder.Delete(recursive: true);
}

public sealed class S3PhotoStoreTests(S3rverFixture s3rver) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task SavedPhoto_LivesUnderThePrefixAndIsFoundWithItsETag()
    {
        var (store, client) = Create();
        using var _ = client;
        var jpeg = File.ReadAllBytes(TestFaces.Person01);

        await store.SaveAsync("S-001", jpeg, CancellationToken.None);
        var found = await store.FindAsync("S-001", CancellationToken.None);
        using var raw = await client.GetObjectAsync(S3rverFixture.Bucket, "profile_pics/S-001.jpg", TestContext.Current.CancellationToken);

        Assert.Equal(jpeg, found!.Bytes);
        Assert.Equal(raw.ETag, found.VersionTag);
    }

    [Fact]
    public async Task ReplacedPhoto_HasANewVersion()
    {
        var (store, client) = Create();
        using var _ = client;
        await store.SaveAsync("s2", File.ReadAllBytes(TestFaces.Person01), CancellationToken.None);
        var first = await store.FindAsync("s2", CancellationToken.None);

        await store.SaveAsync("s2", File.ReadAllBytes(TestFaces.Person02), CancellationToken.None);
        var second = await store.FindAsync("s2", CancellationToken.None);

        Assert.NotEqual(first!.VersionTag, second!.VersionTag);
    }

    [Fact]
    public async Task SaveListAndFind_AgreeOnTheETag_AndDeleteRemovesThePhoto()
    {
        var (store, client) = Create();
        using var _ = client;
        var id = $"v-{Guid.NewGuid():N}";
        var saved = await store.SaveAsync(id, File.ReadAllBytes(TestFaces.Person01), CancellationToken.None);
        var listed = (await store.ListVersionsAsync(CancellationToken.None)).Single(p => p.StudentId == id);
        var found = await store.FindAsync(id, CancellationToken.None);

        await store.DeleteAsync(id, CancellationToken.None);

        Assert.Equal((saved, saved), (listed.VersionTag, found!.VersionTag));
        Assert.Null(await store.FindAsync(id, CancellationToken.None));
        Assert.DoesNotContain(id, await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MissingOrUnsafeId_IsNotFound()
    {
        var (store, client) = Create();
        using var _ = client;

        Assert.Null(await store.FindAsync("nobody", CancellationToken.None));
        Assert.Null(await store.FindAsync("../etc/passwd", CancellationToken.None));
    }

    private (S3PhotoStore Store, AmazonS3Client Client) Create()
    {
        var options = new PhotoStoreOptions
        {
            Store = "s3",
            Bucket = S3rverFixture.Bucket,
            EndpointUrl = s3rver.RequireBaseUrl(),
            Region = "us-east-1",
            AccessKeyId = "S3RVER",
            SecretAccessKey = "S3RVER",
        };
        var client = S3PhotoStore.CreateClient(options);
        return (new S3PhotoStore(client, options), client);
    }
}
