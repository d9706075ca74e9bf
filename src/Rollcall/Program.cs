using System.CommandLine;
using Rollcall.Commands;

var root = new RootCommand("Rollcall: face-verified classroom attendance over Telegram.");
RunCommand.AddTo(root);
TeachersCommand.AddTo(root);
RosterCommand.AddTo(root);
PhotosCommand.AddTo(root);
FacesCommand.AddTo(root);
BenchCommand.AddTo(root);
return await root.Parse(args).InvokeAsync();
