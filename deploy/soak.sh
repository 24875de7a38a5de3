#!/usr/bin/env bash
# R11, an hour of mixed load (docs/reliability.md): every user group at once through the public APIs at a steady rate
# against every service on a fresh database at 127.0.0.1:5432 (dropped at the end), reporting every minute and into
# deploy/bench/results/soak-latest.json. Not part of CI. Builds what is stale as ./deploy/bench.sh does.
#   ./deploy/soak.sh --minutes=60    the soak of R11
#   ./deploy/soak.sh --minutes=5     a quick run
#   ./deploy/soak.sh --help          every option
set -euo pipefail
BENCH_MAIN=cn.qinqing.bench.Soak exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/bench.sh" "$@"
