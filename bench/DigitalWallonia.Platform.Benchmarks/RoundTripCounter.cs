using System.Diagnostics;

namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>
/// Counts what EF Core sends to the database, from its diagnostic events: every executed command (a query, or one
/// SaveChanges batch) and every commit or rollback is one round trip (Npgsql sends BEGIN with the next command, so a
/// transaction start is not one). The count per firing does not depend on how loaded the machine is.
/// </summary>
internal sealed class RoundTripCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _commands;
    private long _transactions;

    public RoundTripCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Commands executed and transactions ended so far.</summary>
    public (long Commands, long Transactions) Snapshot => (Interlocked.Read(ref _commands), Interlocked.Read(ref _transactions));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Key)
        {
            case "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted":
            case "Microsoft.EntityFrameworkCore.Database.Command.CommandError":
                Interlocked.Increment(ref _commands);
                break;
            case "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted":
            case "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionRolledBack":
                Interlocked.Increment(ref _transactions);
                break;
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
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
