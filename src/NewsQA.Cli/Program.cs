using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsQA.Hosting.Configuration;
using NewsQA.Cli.Commands;
using NewsQA.Core.Search.Embedding;
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
    WatchCommand.Create(),
};

try
{
    var parse = root.Parse(args);
    if (UsageErrors.Describe(parse) is { Count: > 0 } usage)
    {
        foreach (var line in usage)
        {
            Console.Error.WriteLine(line);
        }

        return UsageErrors.ExitCode;
    }

    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InvalidConfigurationException ex)
{
    foreach (var line in ex.Problems)
    {
        Console.Error.WriteLine($"configuration error: {line}");
    }

    return 2;
}
catch (OptionsValidationException ex)
{
    foreach (var line in ex.Failures)
    {
        Console.Error.WriteLine($"configuration error: {line}");
    }

    return 2;
}
catch (Exception ex) when (ex is EmbeddingModelMismatchException or StoreUnavailableException or EmbedderUnavailableException)
{
    // Expected operational failures get their message, not a stack trace.
    Console.Error.WriteLine($"error: {ex.Message}");
    return 3;
}
