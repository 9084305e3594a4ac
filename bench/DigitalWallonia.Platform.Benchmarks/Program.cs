// Persisted workflow transitions per second, 16 concurrent clients on distinct dossiers by default.
// Each firing loads the dossier, evaluates a guard with the rule engine, transitions, writes the evaluation snapshot,
// the audit event, one outbox row and one deadline change (created entering b, cancelled leaving it), and commits.
//
//   dotnet run -c Release --project bench/DigitalWallonia.Platform.Benchmarks -- \
//       --provider Postgres --connection "Host=...;Database=postgres" [--clients 16] [--warmup 10] [--seconds 20] [--instances 1000] [--versions 1]
//       [--no-reference] [--pgbench PATH]
//
// On PostgreSQL the same run then measures pgbench's TPC-B-like script on the same server with the same clients and
// prints the ratios (PgbenchReference): absolute figures on a shared machine vary, ratios much less.
//
// The connection names a server; the tool creates and drops a database of its own.
using DigitalWallonia.Platform.Benchmarks;

return await TransitionLoad.RunAsync(args);
