namespace NewsQA.Core.Configuration;

/// <summary>
/// An options class bound to one configuration section. Implementing it is how an option is written down once: the
/// class holds the keys (its public settable properties), their defaults and ranges; <see cref="SectionOptions.AddSectionOptions{T}"/>
/// binds and validates it; the start-up check finds every implementation in the host's assemblies by itself, so no
/// list of options can forget one.
/// </summary>
public interface ISectionOptions
{
    /// <summary>The configuration section, e.g. <c>Chunking</c> or <c>Store:Qdrant</c>.</summary>
    static abstract string Section { get; }
}

/// <summary>
/// Marks a settable property whose value comes from another key, not from its section (e.g. the embedded store's data
/// folder, which is <c>Data:Path</c>): the start-up check and the configuration table leave it out.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SetFromAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
