namespace DigitalWallonia.Cli;

/// <summary>
/// A parsed command line: positional arguments and <c>--name value</c> / <c>--flag</c> options.
/// An option listed in <c>flags</c> of <see cref="Parse"/> takes no value.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options;

    private CliArgs(IReadOnlyList<string> positionals, Dictionary<string, string?> options)
    {
        Positionals = positionals;
        _options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>The subcommand (first positional), or null.</summary>
    public string? Verb => Positionals.Count > 0 ? Positionals[0] : null;

    /// <summary>Positionals after the subcommand.</summary>
    public IReadOnlyList<string> Operands => Positionals.Skip(1).ToList();

    /// <summary>Every option given, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Options => _options;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public bool WantsHelp => Has("help") || Verb is null or "help";

    /// <summary>Parses arguments; <c>--x=value</c> and <c>--x value</c> both work; an option that is not a known flag takes the next word.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, params string[] flags)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var knownFlags = new HashSet<string>(flags.Concat(["help", "dry-run", "explain", "verbose", "failed"]), StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[a[2..eq]] = a[(eq + 1)..];
                }
                else if (knownFlags.Contains(a[2..]) || i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    options[a[2..]] = null;
                }
                else
                {
                    options[a[2..]] = args[++i];
                }
            }
            else
            {
                positionals.Add(a);
            }
        }

        return new CliArgs(positionals, options);
    }
}

/// <summary>Where a command writes: results on <see cref="Out"/>, diagnostics on <see cref="Error"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);

/// <summary>Thrown for a malformed command line; reported as "dw GROUP: message" with exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
