using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>
/// The SQL commands and commits one <see cref="DbContext"/> sends after <see cref="Watch"/>, from EF Core's diagnostic
/// events (other tests running in parallel use other contexts and are not counted). Each is a round trip to the server.
/// Open the log before the platform starts: EF Core remembers for a second that nobody listened.
/// </summary>
internal sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private DbContext? _context;
    private readonly List<string> _commands = [];
    private int _commits;
    private int _savepoints;

    public CommandLog() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>Counts what <paramref name="context"/> sends from now on.</summary>
    public void Watch(DbContext context)
    {
        lock (_commands)
        {
            _commands.Clear();
            _commits = 0;
            _savepoints = 0;
            _context = context;
        }
    }

    /// <summary>The text of each command executed, in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public IReadOnlyList<string> Queries => [.. Commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))];

    public int Commits => Volatile.Read(ref _commits);

    /// <summary>Savepoints created (EF Core makes one around SaveChanges inside a transaction unless told not to).</summary>
    public int Savepoints => Volatile.Read(ref _savepoints);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed && executed.Context is { } executedOn && executedOn == _context)
        {
            lock (_commands)
            {
                _commands.Add(executed.Command.CommandText);
            }
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name && value.Value is TransactionEndEventData committed && committed.Context is { } committedOn && committedOn == _context)
        {
            Interlocked.Increment(ref _commits);
        }
        else if (value.Key == RelationalEventId.CreatingTransactionSavepoint.Name && value.Value is TransactionEventData saving && saving.Context is { } savingOn && savingOn == _context)
        {
            Interlocked.Increment(ref _savepoints);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
