using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.Storage;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Sessions;

namespace Rollcall.Commands;

/// <summary>`rollcall students unbind ID`: frees a student ID from the Telegram account it was bound to (new phone, new account).</summary>
internal static class StudentsCommand
{
    public static void AddTo(RootCommand root)
    {
        var id = new Argument<string>("ID") { Description = "The student ID to unbind" };
        var unbind = new Command("unbind", "Let a student ID check in from a different Telegram account; the change is audited.") { id };
        unbind.SetAction(async (result, cancellationToken) =>
        {
            var studentId = StudentId.Normalize(result.GetValue(id)!);
            if (!StudentId.IsWellFormed(studentId))
            {
                await Console.Error.WriteLineAsync("rollcall: ID must be letters, digits, '-' or '_', e.g. S-101");
                return 2;
            }

            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            // The unbind and its audit row commit together.
            var database = services.GetRequiredService<RollcallDatabase>();
            var removed = await TurnTransaction.RunAsync(database, async ct =>
            {
                await using var db = database.CreateContext();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var count = await db.StudentBindings.Where(b => b.StudentId == studentId).ExecuteDeleteAsync(ct);
                if (count > 0)
                {
                    AuditTrail.Record(db, DateTimeOffset.UtcNow, AuditActor.Operator, AuditAction.Unbind, studentId: studentId);
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
                return count;
            }, cancellationToken);

            Console.WriteLine(removed > 0 ? $"{studentId} is no longer bound to a Telegram account." : $"{studentId} was not bound.");
            return 0;
        });
        var students = new Command("students", "Students' account bindings.");
        students.Subcommands.Add(unbind);
        root.Subcommands.Add(students);
    }
}
