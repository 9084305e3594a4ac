using DigitalWallonia.Workflows.Graph;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Cli.Workflows;

/// <summary><c>dw workflows check|graph</c>. Publishing and migrating need the database and live with persistence.</summary>
internal static class WorkflowsCommands
{
    public static int Run(CliArgs args, CliConsole console)
    {
        if (args.WantsHelp)
        {
            PrintHelp(console.Out);
            return args.Verb is null ? 2 : 0;
        }

        return args.Verb switch
        {
            "check" => Check(args, console),
            "graph" => Graph(args, console),
            _ => throw new CliUsageException($"unknown subcommand '{args.Verb}'; expected check or graph"),
        };
    }

    private static int Check(CliArgs args, CliConsole console)
    {
        if (args.Operands.Count == 0)
        {
            throw new CliUsageException("check needs at least one FILE");
        }

        var failed = false;
        var catalogueCache = new Dictionary<string, WorkflowCatalogues>(StringComparer.Ordinal);
        foreach (var file in args.Operands)
        {
            if (!TryRead(file, console, out var bytes))
            {
                failed = true;
                continue;
            }

            IReadOnlyList<WorkflowDiagnostic> diagnostics;
            if (Path.GetFileName(file).Equals(CatalogueFiles.RolesFileName, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics = RoleCatalogueLoader.Load(bytes, file).Diagnostics;
            }
            else
            {
                var catalogues = CatalogueFiles.For(file, args, console, catalogueCache);
                diagnostics = WorkflowValidator.LoadAndValidate(bytes, file, catalogues).Diagnostics;
            }

            // In file order, as an editor lists them; the order among equal positions stays the checks' order.
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column))
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            failed |= errors > 0;
            if (errors == 0)
            {
                console.Out.WriteLine($"{file}: ok");
            }
        }

        return failed ? 1 : 0;
    }

    private static int Graph(CliArgs args, CliConsole console)
    {
        if (args.Operands.Count != 1)
        {
            throw new CliUsageException("graph needs exactly one FILE");
        }

        var file = args.Operands[0];
        if (!TryRead(file, console, out var bytes))
        {
            return 1;
        }

        var loaded = WorkflowDefinitionLoader.Load(bytes, file);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (loaded.Definition is null || loaded.HasErrors)
        {
            return 1;
        }

        console.Out.Write(MermaidRenderer.Render(loaded.Definition, args.Option("lang") ?? "fr"));
        return 0;
    }

    private static bool TryRead(string file, CliConsole console, out byte[] bytes)
    {
        try
        {
            bytes = File.ReadAllBytes(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{file}: cannot read the file: {e.Message}");
            bytes = [];
            return false;
        }
    }

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("dw workflows — workflow definitions");
        output.WriteLine();
        output.WriteLine("  check FILE...   validate definitions (and workflows/roles.json); prints FILE:LINE:COL: CODE: message");
        output.WriteLine("                  on stderr and exits 1 on any error");
        output.WriteLine("                  --roles FILE     role catalogue (default: workflows/roles.json of the repository)");
        output.WriteLine("                  --templates DIR  template catalogue (default: templates/)");
        output.WriteLine("                  --rules DIR      rule sets (default: rules/)");
        output.WriteLine("  graph FILE      print a Mermaid stateDiagram-v2 of the definition [--lang fr|de|nl|en]");
    }
}
