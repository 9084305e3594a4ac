using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// The SMTP sink of test.sh (DW_TEST_SMTP_HOST, DW_TEST_SMTP_PORT, DW_TEST_MAILDIR), and private aiosmtpd servers that a
/// test starts and stops itself. Tests skip only outside CI when test.sh's server is not configured.
/// </summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    private Process? _process;

    private SmtpServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
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

    /// <summary>A stopped private server on a free port with an empty Maildir; <see cref="StartAsync"/> starts it.</summary>
    public static SmtpServer Private()
    {
        var maildir = Directory.CreateTempSubdirectory("dw-maildir-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SmtpServer(port, maildir);
    }

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start aiosmtpd");
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
