using Microsoft.Extensions.Options;

namespace NewsQA.Api.Security;

/// <summary>Reads "needing the key" without a key would leave them silently open.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        options.RequireKeyForReads && string.IsNullOrEmpty(options.ApiKey)
            ? ValidateOptionsResult.Fail($"{AuthOptions.Section}:RequireKeyForReads is true but {AuthOptions.Section}:ApiKey is not set; set the key or drop RequireKeyForReads")
            : ValidateOptionsResult.Success;
}
