#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs the Debian packages the
# integration tests need (only what is missing), builds, tests, and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real servers that the integration tests start themselves (nothing is started here), and the
# libraries that the ProxySQL binary of ../shared/bin/proxysql needs (its README.txt lists them).
PACKAGES=(redis-server redis-sentinel kubectl mariadb-server galera-4 rsync glusterfs-server tmux
  libcurl4 libssl3 libgnutls30 libcivetweb1 libuuid1 libstdc++6 xz-utils mariadb-client zfs-fuse)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    # Exit code 101 keeps the packages' daemons from starting (glusterd would listen on 0.0.0.0).
    policy=/usr/sbin/policy-rc.d
    [[ -e $policy ]] || { printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; trap 'rm -f "$policy"' EXIT; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing packages: run  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Operator.sln -c Release -warnaserror 2>&1 | tail -3
# The Dockerfile's publish: the published operator must generate exactly the committed crds/.
publish=$(mktemp -d)
dotnet publish operator/Operator.csproj -c Release -o "$publish" --no-build 2>&1 | tail -1
dotnet "$publish/backendstack-operator.dll" generate crds --output "$publish/crds" >/dev/null
diff -r -x Kustomization crds "$publish/crds"
rm -rf "$publish"
log=$(mktemp)
# One project at a time: the integration suites start real servers on loopback addresses and
# time-bound scenarios, which a machine of two cores cannot also share with the other suites.
status=0
set +e
for project in tests/*/*.csproj; do
  dotnet test "$project" -c Release --no-build "$@" 2>&1 | tee -a "$log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done
set -e
# One closing line for every project together: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed: / {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     } END { gsub(",", "", p); printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
