#!/usr/bin/env bash
# The whole test suite on real parts: installs what is missing (PostgreSQL, an SMTP sink, Chromium), starts a
# throwaway PostgreSQL cluster and SMTP server on free loopback ports, runs every test project, stops everything on
# exit (failure included) and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

summary() { echo "$1 passed, $2 failed, $3 skipped"; }

install_missing() {
  local need=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # Letters and certificates are laid out as PDF in DejaVu Sans (docs/portal.md).
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  [ ${#need[@]} -eq 0 ] && return 0
  echo "test.sh: installing ${need[*]} from Debian's packages" >&2
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

if ! install_missing; then
  echo "test.sh: could not install the test services" >&2
  summary 0 1 0; exit 1
fi

services=$(mktemp -d /tmp/dwtest.XXXXXX)
trap 'bash .ci/services.sh stop "$services"' EXIT
if ! exports=$(bash .ci/services.sh start "$services"); then
  echo "test.sh: the test services did not start" >&2
  summary 0 1 0; exit 1
fi
eval "$exports"
export CI="${CI:-}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log="$services/test.log"
if ! dotnet build DigitalWallonia.sln -c Release -nologo -clp:ErrorsOnly >"$services/build.log" 2>&1; then
  cat "$services/build.log"
  echo "test.sh: the build failed" >&2
  summary 0 1 0; exit 1
fi

dotnet test DigitalWallonia.sln -c Release --no-build -nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# VSTest prints one "Failed: N, Passed: N, Skipped: N" line per test assembly; sum them.
read -r passed failed skipped < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {printf "%d %d %d\n", p, f, s}')
# A crashed test host prints no summary for its assembly: never report success for a failing run.
if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
summary "${passed:-0}" "${failed:-0}" "${skipped:-0}"
exit "$rc"
