using System.CommandLine;
using NewsQA.Cli.Commands;

var root = new RootCommand("NewsQA: ingest German news, search it and get answers with exact citations")
{
    CommonOptions.Data,
    IngestCommand.Create(),
    SearchCommand.Create(),
    AskCommand.Create(),
    EvalCommand.Create(),
    ReindexCommand.Create(),
    ModelsCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
