using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;

namespace NewsQA.Api.Security;

/// <summary>Reads "needing the key" without a key would leave them silently open; a scoped key must say what it is and where it reaches.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <summary>Shorter keys are guessable; the rule is the same for every key.</summary>
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.RequireKeyForReads && !options.HasKeys)
        {
            failures.Add($"{AuthOptions.Section}:RequireKeyForReads is true but {AuthOptions.Section}:ApiKey is not set; set the key or drop RequireKeyForReads");
        }

        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"{AuthOptions.Section}:Keys:{i}";
            if (key.Key is not { Length: >= MinimumKeyLength })
            {
                failures.Add($"{at}:Key must be set, at least {MinimumKeyLength} characters");
            }

            foreach (var collection in key.Read.Concat(key.Write).Where(c => c != CollectionAccess.AllCollections && !DocumentKey.IsValidCollection(c)))
            {
                failures.Add($"{at} names the collection '{collection}', which is no valid name (use {DocumentKey.DescribeCollection}, or * for all)");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
