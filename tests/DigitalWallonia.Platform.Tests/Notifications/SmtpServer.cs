using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// The SMTP sink of test.sh (DW_TEST_SMTP_HOST, DW_TEST_SMTP_PORT, DW_TEST_MAILDIR), and private aiosmtpd servers that a
/// test starts and stops itself, with the handler of smtp_sink.py (refuse=, defer=, delay=) and aiosmtpd's own TLS
/// options. Tests skip only outside CI when test.sh's server is not configured.
/// </summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    private readonly string[] _serverOptions;
    private readonly string[] _sinkArguments;
    private Process? _process;

    private SmtpServer(int port, string maildir, string[] serverOptions, string[] sinkArguments)
    {
        Port = port;
        Maildir = maildir;
        _serverOptions = serverOptions;
        _sinkArguments = sinkArguments;
    }

    public static string? Host => Environment.GetEnvironmentVariable("DW_TEST_SMTP_HOST") is { Length: > 0 } host ? host : null;

    public static int SharedPort => int.Parse(Environment.GetEnvironmentVariable("DW_TEST_SMTP_PORT") ?? "25", System.Globalization.CultureInfo.InvariantCulture);

    public static string SharedMaildir => Environment.GetEnvironmentVariable("DW_TEST_MAILDIR")
        ?? throw new InvalidOperationException("DW_TEST_MAILDIR is not set: run the tests with ./test.sh");

    public static string? SkipReason =>
        Host is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? "DW_TEST_SMTP_HOST is not set; ./test.sh starts an SMTP server and sets it."
            : null;

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>
    /// A stopped private server on a free port with an empty Maildir; <see cref="StartAsync"/> starts it.
    /// <paramref name="sinkArguments"/> go to smtp_sink.Sink (<c>refuse=nobody</c>, <c>delay=1.5</c>...).
    /// </summary>
    public static SmtpServer Private(params string[] sinkArguments) => Create([], sinkArguments);

    /// <summary>A private server that requires STARTTLS before MAIL (aiosmtpd's default once it has a certificate).</summary>
    public static SmtpServer RequiringStartTls(TestCertificate certificate) =>
        Create(["--tlscert", certificate.CertificateFile, "--tlskey", certificate.KeyFile], []);

    /// <summary>A private server that speaks TLS from the first byte (SMTPS).</summary>
    public static SmtpServer SslOnConnect(TestCertificate certificate) =>
        Create(["--smtpscert", certificate.CertificateFile, "--smtpskey", certificate.KeyFile], []);

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static SmtpServer Create(string[] serverOptions, string[] sinkArguments)
    {
        var maildir = Directory.CreateTempSubdirectory("dw-maildir-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        return new SmtpServer(FreePort(), maildir, serverOptions, sinkArguments);
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", .. _serverOptions, "-c", "smtp_sink.Sink", Maildir, .. _sinkArguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Notifications");
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start aiosmtpd");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"aiosmtpd exited: {await _process.StandardError.ReadToEndAsync()}");
                }

                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {Port}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Maildir, recursive: true);
    }
}
