namespace NewsQA.Hosting.Configuration;

/// <summary>The keys every NewsQA host reads (API and CLI alike): the sections of <see cref="NewsQaComposition.AddNewsQa"/>.</summary>
public static class NewsQaConfigurationRules
{
    /// <summary>Every options class (<see cref="Core.Configuration.ISectionOptions"/>) of Hosting and the projects it composes.</summary>
    public static ConfigurationCheck Common() => ConfigurationCheck.Discover(typeof(NewsQaConfigurationRules).Assembly).LogLevels();
}
