using System.Reflection;
using DigitalWallonia.Platform.Persistence;
using Xunit.Sdk;

namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>Runs a theory once on the real PostgreSQL server; skipped outside CI when none is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
