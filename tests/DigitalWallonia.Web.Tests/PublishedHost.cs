using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;

namespace DigitalWallonia.Web.Tests;

/// <summary>
/// The web host as the README's production recipe runs it: `dotnet publish` into a temporary folder, then
/// `dotnet DigitalWallonia.Web.dll` started from another, empty working directory on a fresh PostgreSQL database, with
/// nothing configured but what the recipe sets. Published and started once for the test class (publishing is slow);
/// the process is killed and the database dropped afterwards. Does nothing when PostgreSQL is skipped.
/// </summary>
public sealed class PublishedHost : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private string? _publishFolder;
    private string? _workingDirectory;
    private TestDatabase? _database;
    private Process? _process;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The fresh PostgreSQL database the published host runs on.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The published host was not started.");

    /// <summary>What the published host wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        _database = await TestDatabase.EmptyAsync(DatabaseProvider.Postgres); // first: on CI without a server, fail before publishing
        _publishFolder = Directory.CreateTempSubdirectory("dw-published-").FullName;
        _workingDirectory = Directory.CreateTempSubdirectory("dw-node-").FullName;
        await PublishAsync(_publishFolder);

        var port = FreePort();
        Client.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _process = Start(Path.Combine(_publishFolder, "DigitalWallonia.Web.dll"), port, _database.ConnectionString);
        await WaitUntilHealthyAsync(_process);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        foreach (var folder in new[] { _publishFolder, _workingDirectory })
        {
            if (folder is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Publishes with the configuration the tests were built with (Release under test.sh), without building or
    /// restoring again: the build already made the binaries, publishing lays them out with the content.
    /// </summary>
    private static async Task PublishAsync(string folder)
    {
        var configuration = typeof(PublishedHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryRoot(), "src", "DigitalWallonia.Web", "DigitalWallonia.Web.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "--no-build", "-o", folder, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {PublishTimeout}.");
        }

        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    private Process Start(string app, int port, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory, // not the publish folder, not the repository: the content must be found next to the app
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Content__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Audit__Key"] = Convert.ToBase64String(new byte[32]);
        start.Environment["Seed__Demo"] = "false";
        // Production signs in through a real provider (read when someone signs in, not at start-up); the local one would refuse.
        start.Environment["Identity__LocalProvider__Enabled"] = "false";
        start.Environment["Authentication__Authority"] = "https://fas.example.test/";
        start.Environment["Authentication__ClientId"] = "digitalwallonia";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the published host");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(Process process)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The published host exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A request that timed out while the host was still starting (a loaded machine): ask again until the deadline.
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The published host did not answer /health with 200 within {StartTimeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalWallonia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No DigitalWallonia.sln above " + AppContext.BaseDirectory);
    }
}
