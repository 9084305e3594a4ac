#!/usr/bin/env bash
# Scaffolds an EF Core migration for each provider with the standard tooling (dotnet-ef, pinned in .config/dotnet-tools.json).
#
#   tools/add-migration.sh NAME                 adds migration NAME to the SQLite, PostgreSQL and SQL Server sets
#   tools/add-migration.sh --regenerate-initial deletes the three sets and scaffolds Initial again from the current model
#
# Each provider has its own migration set (src/DigitalWallonia.Platform/Persistence/Migrations/<Provider>) and its own
# context type, as EF Core documents for several providers (docs/development.md, "Migrations"). Until the first release
# the model is one Initial migration per provider: after a model change, use --regenerate-initial. Scaffolding never
# connects to a database. The Quartz job-store migration (Scheduling/QuartzHosting) is hand-written and stays.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: tools/add-migration.sh NAME | --regenerate-initial" >&2; exit 2; }
[ $# -eq 1 ] || usage
project=src/DigitalWallonia.Platform
migrations=Persistence/Migrations
providers=(Sqlite Postgres SqlServer)

if [ "$1" = "--regenerate-initial" ]; then
  name=Initial
  for provider in "${providers[@]}"; do
    rm -rf "${project:?}/$migrations/$provider"
  done
else
  name=$1
  [[ "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "NAME must be a PascalCase identifier, e.g. AddDossierNotes" >&2; exit 2; }
fi

dotnet tool restore >/dev/null
dotnet build "$project" --nologo -v quiet
for provider in "${providers[@]}"; do
  dotnet ef migrations add "$name" --no-build --project "$project" \
    --context "${provider}PlatformDbContext" \
    --output-dir "$migrations/$provider"
done
# The new files are not in the assembly that was just built: build again so that a failure shows here, not in the tests.
dotnet build "$project" --nologo -v quiet
echo "Review the three migrations in $project/$migrations, then run the migration tests (docs/development.md)."
