using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Scheduling.TestNode;

/// <summary>
/// A logger provider that keeps every line a host logs, at every level, so a test can assert what an operator would see
/// (level, category, message, exception). Thread-safe.
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Line> _lines = new();

    public sealed record Line(LogLevel Level, string Category, string Message, Exception? Exception);

    public IReadOnlyList<Line> Lines => [.. _lines];

    /// <summary>Adds this provider to a host's logging, at every level whatever the host's minimum for other providers.</summary>
    public void AddTo(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddProvider(this);
        logging.AddFilter<CapturedLog>(null, LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            log._lines.Enqueue(new Line(logLevel, category, formatter(state, exception), exception));
        }
    }
}
