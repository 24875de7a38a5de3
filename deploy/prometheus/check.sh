#!/usr/bin/env bash
# Checks the Prometheus configuration that deploy/ ships: both scrape configurations, the alert rules, and each alert
# with a fixture that fires it and one that does not (alerts-test.yml). Installs Debian's prometheus package (it
# brings promtool) when promtool is missing. CI runs it (.ci/run).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

../prometheus.sh --install-only

promtool check config --syntax-only prometheus.yml
# kubernetes.yml is for a Prometheus inside the cluster (upstream's build): Debian's package leaves Kubernetes
# discovery out, so here it is only checked to load the same rule file
grep -qx '  - alerts.yml' kubernetes.yml || { echo "kubernetes.yml must load alerts.yml" >&2; exit 1; }
promtool check rules alerts.yml
promtool test rules alerts-test.yml
