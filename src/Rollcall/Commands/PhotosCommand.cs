using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Ports;

namespace Rollcall.Commands;

/// <summary>`rollcall photos import DIR`: enrols ID photos named {student_id}.jpg/.png after checking each has one usable face.</summary>
internal static class PhotosCommand
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    public static void AddTo(RootCommand root)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "Folder of photos named {student_id}.jpg or .png" };
        var import = new Command("import", "Check and enrol ID photos into PHOTO_STORE; photos without exactly one usable face are reported, not enrolled.") { folder };
        import.SetAction(async (result, cancellationToken) =>
        {
            var directory = result.GetValue(folder)!;
            if (!directory.Exists)
            {
                await Console.Error.WriteLineAsync($"rollcall: {directory.FullName} is not a folder");
                return 2;
            }

            await using var services = await AdminContext.OpenAsync(cancellationToken, withFaces: true);
            if (services is null)
            {
                return 2;
            }

            var engine = services.GetRequiredService<FaceEngine>();
            var store = services.GetRequiredService<IPhotoStore>();
            var minFace = services.GetRequiredService<IOptions<FaceOptions>>().Value.MinFacePixels;
            int enrolled = 0, refused = 0;
            foreach (var file in directory.EnumerateFiles().Where(f => Extensions.Contains(f.Extension.ToLowerInvariant())).OrderBy(f => f.Name))
            {
                var problem = await EnrolAsync(file, engine, store, minFace, cancellationToken);
                Console.WriteLine($"{file.Name}: {problem ?? "enrolled"}");
                enrolled += problem is null ? 1 : 0;
                refused += problem is null ? 0 : 1;
            }

            Console.WriteLine($"{enrolled} photos enrolled, {refused} refused.");
            return refused == 0 ? 0 : 1;
        });
        var photos = new Command("photos", "Manage enrolled ID photos.");
        photos.Subcommands.Add(import);
        root.Subcommands.Add(photos);
    }

    private static async Task<string?> EnrolAsync(FileInfo file, FaceEngine engine, IPhotoStore store, int minFace, CancellationToken cancellationToken)
    {
        var id = Path.GetFileNameWithoutExtension(file.Name);
        if (!StudentId.IsWellFormed(id))
        {
            return $"the file name must be a student ID (letters, digits, '-' or '_'), not '{id}'";
        }

        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var face = ReferenceFace.FromImage(engine, bytes, minFace);
        if (face.Failure is not null)
        {
            return face.Failure;
        }

        await store.SaveAsync(StudentId.Normalize(id), bytes, cancellationToken);
        return null;
    }
}
