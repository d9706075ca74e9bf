using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Ports;
using Rollcall.Sessions;
using Rollcall.Storage;
using Rollcall.Storage.Enrolment;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Classroom;

namespace Rollcall.Commands;

/// <summary>
/// `rollcall enrolments list|approve ID|reject ID`: the operator's side of self-enrolment, for students whose teacher is not
/// in the chat (or has none yet). The running bot tells the student the decision.
/// </summary>
internal static class EnrolmentsCommand
{
    public static void AddTo(RootCommand root)
    {
        var frames = new Option<DirectoryInfo?>("--frames") { Description = "Write each waiting frame to this folder as {student_id}.jpg, to look at before approving" };
        var list = new Command("list", "The open self-enrolments: waiting for approval, or still being examined.") { frames };
        list.SetAction((result, cancellationToken) => ListAsync(result.GetValue(frames), cancellationToken));
        var enrolments = new Command("enrolments", "Students' requests to make a frame of their own video note their ID photo.");
        enrolments.Subcommands.Add(list);
        enrolments.Subcommands.Add(Decision("approve", "Make the waiting frame the student's ID photo (after looking at it: --frames) and bind the ID to the account that sent it.", true));
        enrolments.Subcommands.Add(Decision("reject", "Refuse the waiting frame; the student may send a new one.", false));
        root.Subcommands.Add(enrolments);
    }

    private static async Task<int> ListAsync(DirectoryInfo? frames, CancellationToken cancellationToken)
    {
        await using var services = await AdminContext.OpenAsync(cancellationToken, withPhotos: true);
        if (services is null)
        {
            return 2;
        }

        var clock = new LocalClock((services.GetRequiredService<IConfiguration>().Get<ClassroomOptions>() ?? new ClassroomOptions()).Zone);
        await using var db = services.GetRequiredService<RollcallDatabase>().CreateContext();
        var open = await new EnrolmentDecisions(db, services.GetRequiredService<IPhotoStore>()).ListOpenAsync(cancellationToken);
        Console.WriteLine("student\tname\tbatch\tstate\trequested\tapprover\tnote");
        foreach (var e in open)
        {
            var approver = e.TeacherId is { } teacher ? $"teacher {teacher}" : "operator";
            var note = e.ContestedAt is null ? "" : "another account also asked for this ID";
            Console.WriteLine($"{e.StudentId}\t{e.StudentName}\t{e.Batch}\t{Name(e.State)}\t{clock.Stamp(e.CreatedAt)}\t{approver}\t{note}");
            if (frames is not null && e.Photo is { } photo)
            {
                frames.Create();
                await ExportCommand.WriteOwnerOnlyAsync(Path.Combine(frames.FullName, e.StudentId + ".jpg"), photo, cancellationToken);
            }
        }

        Console.WriteLine($"{open.Count} open.");
        return 0;
    }

    private static Command Decision(string name, string description, bool approve)
    {
        var id = new Argument<string>("ID") { Description = "The student ID whose waiting enrolment to decide" };
        var command = new Command(name, description) { id };
        command.SetAction(async (result, cancellationToken) =>
        {
            var studentId = StudentId.Normalize(result.GetValue(id)!);
            if (!StudentId.IsWellFormed(studentId))
            {
                await Console.Error.WriteLineAsync("rollcall: ID must be letters, digits, '-' or '_', e.g. S-101");
                return 2;
            }

            await using var services = await AdminContext.OpenAsync(cancellationToken, withPhotos: true);
            if (services is null)
            {
                return 2;
            }

            var database = services.GetRequiredService<RollcallDatabase>();
            var photos = services.GetRequiredService<IPhotoStore>();
            var outcome = await TurnTransaction.RunAsync(database, async ct =>
            {
                await using var db = database.CreateContext();
                var decisions = new EnrolmentDecisions(db, photos);
                var request = await decisions.FindOpenAsync(studentId, ct);
                if (request is null)
                {
                    return null;
                }

                var decided = await decisions.DecideAsync(request.Id, approve, teacherChatId: null, tellsStudent: false, DateTimeOffset.UtcNow, ct);
                if (db.Database.CurrentTransaction is not null)
                {
                    await db.Database.CommitTransactionAsync(ct);
                }

                return decided;
            }, cancellationToken);
            Console.WriteLine(outcome switch
            {
                null => $"{studentId} has no open enrolment (see `rollcall enrolments list`).",
                EnrolmentOutcome.Decided { Approved: true } => $"{studentId}: approved; the frame is the ID photo now. The bot tells the student.",
                EnrolmentOutcome.Decided => $"{studentId}: rejected. The bot tells the student.",
                EnrolmentOutcome.HasPhoto => $"{studentId} has an ID photo already; the enrolment is closed and the photo kept.",
                EnrolmentOutcome.AlreadyDecided already => $"{studentId}: still being examined or already decided ({Name(already.State)}); try again in a moment.",
                _ => $"{studentId} has no open enrolment.",
            });
            return outcome is EnrolmentOutcome.Decided or EnrolmentOutcome.HasPhoto ? 0 : 1;
        });
        return command;
    }

    private static string Name(EnrolmentState state) => state switch
    {
        EnrolmentState.AwaitingApproval => "waiting for approval",
        EnrolmentState.Queued => "being examined",
        _ => state.ToString().ToLowerInvariant(),
    };
}
