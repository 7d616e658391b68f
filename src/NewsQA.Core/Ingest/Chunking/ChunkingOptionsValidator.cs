using Microsoft.Extensions.Options;

namespace NewsQA.Core.Ingest.Chunking;

/// <summary>Cross-field rules that data annotations cannot express; fails at start with the configuration path.</summary>
public sealed class ChunkingOptionsValidator : IValidateOptions<ChunkingOptions>
{
    public ValidateOptionsResult Validate(string? name, ChunkingOptions options) =>
        options.TargetChars > options.MaxChars
            ? ValidateOptionsResult.Fail($"{ChunkingOptions.Section}:TargetChars ({options.TargetChars}) must be <= {ChunkingOptions.Section}:MaxChars ({options.MaxChars}).")
            : ValidateOptionsResult.Success;
}
