#!/usr/bin/env bash
# R13, the kill test of issue 18 (docs/reliability.md): against a platform started with ./deploy/run.sh --replicas=2
# (same --port-offset), every user group works through HAProxy while one instance of each of the nine services is
# killed with kill -9 in turn; each client retries as a client should (a create with its Idempotency-Key, a sign-for
# after reading again). Then it counts per operation: answered at once, after retrying, refused clearly (429), lost;
# and reads the event store: one appeal per acknowledged key, one case file per appeal signed for, one meeting and one
# key project per key, each deadline that came due fired exactly once; the notifications told once per appeal; and
# whether the signed-in portal user stayed signed in.
# Writes deploy/bench/results/kill-test-latest.json. Builds what is stale as ./deploy/bench.sh does.
#
#   QINQING_RESOLUTION_SLA_CLOCK=ELAPSED QINQING_RESOLUTION_SLA_DAY=PT30S \
#     ./deploy/run.sh --replicas=2 --port-offset=600 --postgres-port=54929     # deadlines due within the test
#   ./deploy/kill-test.sh --port-offset=600 [--postgres-port=54929] [--pause=20] [--rate=0.5] [--settle=120]
#   ./deploy/kill-test.sh --help
set -euo pipefail
BENCH_MAIN=cn.qinqing.bench.KillTest exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/bench.sh" "$@"
