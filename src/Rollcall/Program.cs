using System.CommandLine;
using Rollcall.Commands;
using Rollcall.Commands.Check;
using Rollcall.Commands.Demo;

var root = new RootCommand("Rollcall: face-verified classroom attendance over Telegram.");
RunCommand.AddTo(root);
CheckCommand.AddTo(root);
TeachersCommand.AddTo(root);
RosterCommand.AddTo(root);
PhotosCommand.AddTo(root);
SessionsCommand.AddTo(root);
StudentsCommand.AddTo(root);
ExportCommand.AddTo(root);
AuditCommand.AddTo(root);
FacesCommand.AddTo(root);
BenchCommand.AddTo(root);
DemoCommand.AddTo(root);
return await root.Parse(args).InvokeAsync();
