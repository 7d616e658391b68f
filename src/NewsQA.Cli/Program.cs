using System.CommandLine;
using NewsQA.Cli.Commands;
using NewsQA.Core.Embedding;
using NewsQA.Core.Storage;

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

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is EmbeddingModelMismatchException or StoreUnavailableException or EmbedderUnavailableException)
{
    // Expected operational failures get their message, not a stack trace.
    Console.Error.WriteLine($"error: {ex.Message}");
    return 3;
}
