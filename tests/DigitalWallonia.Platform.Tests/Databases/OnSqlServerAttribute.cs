using System.Reflection;
using DigitalWallonia.Platform.Persistence;
using Xunit.Sdk;

namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>Runs a theory once on SQL Server; skipped, with the reason, where none is reachable (<see cref="SqlServerServer"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqlServerAttribute : DataAttribute
{
    public OnSqlServerAttribute()
    {
        if (SqlServerServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.SqlServer]];
}
