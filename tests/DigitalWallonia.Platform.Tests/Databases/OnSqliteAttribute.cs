using System.Reflection;
using DigitalWallonia.Platform.Persistence;
using Xunit.Sdk;

namespace DigitalWallonia.Platform.Tests.Databases;

/// <summary>Runs a theory once on SQLite.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}
