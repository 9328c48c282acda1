#!/usr/bin/env bash
# Issue 4 benchmark: ingestion (wrk) vs pgbench single-row inserts, pre-checkout p99 under that load, and
# payment -> document latency for 100 buyers over 10 sandbox bots. Loopback only; about 2 minutes.
# Usage: bench/run.sh            (figures go to stdout and bench/results/issue4-<time>.md)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Platform.Web/Platform.Web.csproj -v q -nologo
dotnet build -c Release bench/Platform.Bench/Platform.Bench.csproj -v q -nologo
mkdir -p bench/results
dotnet bench/Platform.Bench/bin/Release/net10.0/Platform.Bench.dll "$@" | tee "bench/results/issue4-$(date -u +%Y%m%dT%H%M%SZ).md"
