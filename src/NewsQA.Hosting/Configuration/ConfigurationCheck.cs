using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace NewsQA.Hosting.Configuration;

/// <summary>
/// The one start-up check of every configuration key, run by the API and the CLI before anything is built.
/// Each mistake becomes one line naming the key as the user writes it
/// (<c>RateLimit:PermitsPerMinute must be a whole number ≥ 1, got 'abc'</c>); the host prints the lines and exits
/// non-zero, without a stack trace. The rules themselves stay where they live: ranges and patterns on the options
/// classes' data annotations, cross-field rules in their <see cref="IValidateOptions{TOptions}"/>; list keys without an
/// options class register a rule here (<see cref="List"/>). An empty value means "unset" (what docker compose's <c>${VAR:-}</c> gives);
/// a value of only spaces is a mistake (a folder named " ", a key that can never match).
/// </summary>
public sealed class ConfigurationCheck
{
    private readonly List<string> sections = [];
    private readonly Dictionary<string, string?> defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Func<IConfiguration, IEnumerable<string>>> rules = [];
    private readonly List<string> keys = [];

    /// <summary>Every key the check knows, as an operator writes it (<c>Store:Qdrant:Url</c>), so the documentation can be held to it.</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>
    /// A check of every options class (<see cref="ISectionOptions"/>) in <paramref name="root"/> and the NewsQA
    /// assemblies it references, each with the cross-field validators (<see cref="IValidateOptions{TOptions}"/> with a
    /// parameterless constructor) those assemblies hold for it. An option written as a class is checked without being
    /// listed anywhere.
    /// </summary>
    public static ConfigurationCheck Discover(Assembly root)
    {
        var check = new ConfigurationCheck();
        var types = NewsQaAssemblies(root).SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        var add = typeof(ConfigurationCheck).GetMethod(nameof(Options))!;
        foreach (var options in types.Where(t => typeof(ISectionOptions).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var validatorType = typeof(IValidateOptions<>).MakeGenericType(options);
            var validators = types.Where(t => validatorType.IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(Activator.CreateInstance)
                .ToArray();
            var typed = Array.CreateInstance(validatorType, validators.Length);
            Array.Copy(validators, typed, validators.Length);
            var section = (string)options.GetProperty(nameof(ISectionOptions.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            add.MakeGenericMethod(options).Invoke(check, [section, typed]);
        }

        return check;
    }

    /// <summary><paramref name="root"/> and every NewsQA assembly it references, directly or not.</summary>
    private static IEnumerable<Assembly> NewsQaAssemblies(Assembly root)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [root.GetName().Name!] = root };
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("NewsQA.", StringComparison.Ordinal)))
            {
                if (!seen.ContainsKey(name.Name!))
                {
                    var loaded = Assembly.Load(name);
                    seen[name.Name!] = loaded;
                    pending.Push(loaded);
                }
            }
        }

        return seen.Values;
    }

    /// <summary>
    /// The keys of an options class under <paramref name="section"/>, as the check knows and documents them: a list of
    /// objects (<c>Feeds:Sources</c>) has its item's keys once, with <c>N</c> for the index.
    /// </summary>
    public static IEnumerable<string> KeysOf(Type options, string section) =>
        Settable(options).SelectMany(p => ListItemType(p.PropertyType) is { } item
            ? Settable(item).Select(ip => $"{section}:{p.Name}:N:{ip.Name}")
            : [$"{section}:{p.Name}"]);

    /// <summary>Every property of <typeparamref name="TOptions"/> under <paramref name="section"/>, then its cross-field validators.</summary>
    public ConfigurationCheck Options<TOptions>(string section, params IValidateOptions<TOptions>[] validators)
        where TOptions : class, new()
    {
        sections.Add(section);
        var defaultOptions = new TOptions();
        keys.AddRange(KeysOf(typeof(TOptions), section));
        foreach (var property in Settable(typeof(TOptions)).Where(p => ListItemType(p.PropertyType) is null))
        {
            defaults[$"{section}:{property.Name}"] = ConfigurationValue.Format(property.GetValue(defaultOptions));
        }

        rules.Add(configuration =>
        {
            var problems = Settable(typeof(TOptions))
                .SelectMany(p => ListItemType(p.PropertyType) is { } item
                    ? configuration.GetSection($"{section}:{p.Name}").GetChildren().SelectMany(child => Settable(item).Select(ip => ConfigurationValue.Check($"{child.Path}:{ip.Name}", child[ip.Name], ip.PropertyType, ip.GetCustomAttributes<ValidationAttribute>())))
                    : [ConfigurationValue.Check($"{section}:{p.Name}", configuration[$"{section}:{p.Name}"], p.PropertyType, p.GetCustomAttributes<ValidationAttribute>())])
                .OfType<string>()
                .ToList();
            if (problems.Count > 0 || validators.Length == 0)
            {
                return problems;
            }

            var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
            return validators.Select(v => v.Validate(Microsoft.Extensions.Options.Options.DefaultName, options)).Where(r => r.Failed).SelectMany(r => r.Failures ?? []);
        });
        return this;
    }

    /// <summary>
    /// The item class of a list of objects (<c>Feeds:Sources:N:Url</c>): its keys are written once per index, so the
    /// check documents them with <c>N</c> and checks each index it finds.
    /// </summary>
    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string) ? item : null;

    /// <summary>
    /// Every <c>Logging:…:LogLevel:CATEGORY</c> value is a level Microsoft.Extensions.Logging parses (its
    /// LoggerFilterConfigureOptions uses <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> as here); otherwise
    /// the host throws when it builds its loggers, with a stack trace.
    /// </summary>
    public ConfigurationCheck LogLevels()
    {
        rules.Add(configuration => configuration.GetSection("Logging").AsEnumerable()
            .Where(kv => kv.Value is { Length: > 0 } && IsLevelKey(kv.Key) && !Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(kv.Value, ignoreCase: true, out _))
            .Select(kv => $"{kv.Key} must be one of Trace, Debug, Information, Warning, Error, Critical or None, got '{kv.Value}'"));
        return this;
    }

    private static bool IsLevelKey(string key)
    {
        var segments = key.Split(':');
        return segments.Length >= 2 && segments[^2].Equals("LogLevel", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The keys of an options class: its public settable properties, less those another key sets.</summary>
    private static IEnumerable<PropertyInfo> Settable(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetCustomAttribute<SetFromAttribute>() is null);

    /// <summary>A list key (<see cref="ConfigList"/>): every item is checked.</summary>
    public ConfigurationCheck List(string key, Func<string, bool> isValid, string expected)
    {
        sections.Add(key);
        keys.Add(key);
        rules.Add(configuration => ConfigList.Read(configuration, key).Where(v => !isValid(v)).Select(v => $"{key} must list {expected}, got '{v}'"));
        return this;
    }

    /// <summary>
    /// Makes every empty value of a checked key unset, then returns every mistake, one line each; empty when the
    /// configuration is usable. "Unset" is a layer on top holding what the key would be without the empty value:
    /// a lower source's value (appsettings.json under an empty environment variable), else the options class's
    /// default, because the binder turns an existing key without a value into 0 or null, not into the default.
    /// </summary>
    public IReadOnlyList<string> Run(IConfigurationManager configuration)
    {
        var providers = ((IConfigurationRoot)configuration).Providers.Reverse().ToList();
        var unset = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in sections.SelectMany(s => new[] { new KeyValuePair<string, string?>(s, configuration[s]) }.Concat(configuration.GetSection(s).AsEnumerable()))
                     .Where(kv => kv.Value is { Length: 0 })
                     .Select(kv => kv.Key))
        {
            unset[key] = providers.Select(p => p.TryGet(key, out var v) ? v : null).FirstOrDefault(v => !string.IsNullOrEmpty(v))
                ?? defaults.GetValueOrDefault(key);
        }

        if (unset.Count > 0)
        {
            configuration.AddInMemoryCollection(unset);
        }

        return [.. rules.SelectMany(r => r(configuration))];
    }

    /// <summary>Runs the check and throws <see cref="InvalidConfigurationException"/> with every mistake.</summary>
    public void Enforce(IConfigurationManager configuration)
    {
        var problems = Run(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }
    }
}

/// <summary>The configuration cannot be used; each line names a key and what it must be.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
