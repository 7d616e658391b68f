using Microsoft.Extensions.Options;

namespace NewsQA.Storage.Qdrant;

/// <summary>Cross-field rules the resilience pipeline would otherwise reject later with a less helpful message.</summary>
public sealed class QdrantStoreOptionsValidator : IValidateOptions<QdrantStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantStoreOptions options)
    {
        if (options.Url is { IsAbsoluteUri: false })
        {
            return ValidateOptionsResult.Fail($"{QdrantStoreOptions.Section}:Url must be an absolute URL such as http://localhost:6333.");
        }

        return options.TotalTimeout <= options.AttemptTimeout
            ? ValidateOptionsResult.Fail($"{QdrantStoreOptions.Section}:TotalTimeout must be greater than {QdrantStoreOptions.Section}:AttemptTimeout.")
            : ValidateOptionsResult.Success;
    }
}
