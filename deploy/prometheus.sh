#!/usr/bin/env bash
# Runs Prometheus (Debian's package, installed here when missing) with the configuration deploy/ ships
# (deploy/prometheus/prometheus.yml and alerts.yml) against the platform the run command started:
#
#   ./deploy/prometheus.sh                      # scrapes the run command's default ports, UI at http://127.0.0.1:9090
#   ./deploy/prometheus.sh --port-offset=700    # the ports of ./deploy/run.sh --port-offset=700
#   ./deploy/prometheus.sh --install-only       # only makes sure prometheus and promtool are installed
#   ./deploy/prometheus.sh --print-targets      # only prints the targets it would scrape (file service discovery)
#
# The targets are those of deploy/prometheus/targets/local.json, one per service, moved by the offset; its data lives
# under .run/prometheus/. Ctrl-C stops it.
set -euo pipefail

root="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
offset=0
listen=127.0.0.1:9090
install_only=false
print_targets=false
for arg in "$@"; do
  case $arg in
    --port-offset=*) offset=${arg#*=} ;;
    --listen=*) listen=${arg#*=} ;;
    --install-only) install_only=true ;;
    --print-targets) print_targets=true ;;
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown option: $arg (see --help)" >&2
      exit 2
      ;;
  esac
done

# One list of the services' ports: the shipped targets/local.json, which Prometheus reads as it is for the run
# command's default ports (PrometheusTargetsTest keeps it equal to the launcher's ServiceCatalog); here each moves by the offset.
targets=""
for port in $(grep -o '127\.0\.0\.1:[0-9]*' "$root/deploy/prometheus/targets/local.json" | cut -d: -f2); do
  targets+="${targets:+, }\"127.0.0.1:$((port + offset))\""
done
if [[ -z $targets ]]; then
  echo "no targets in deploy/prometheus/targets/local.json" >&2
  exit 1
fi
targets_json="[{\"targets\": [$targets], \"labels\": {\"env\": \"local\"}}]"
if $print_targets; then
  echo "$targets_json"
  exit 0
fi

if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  echo "installing Debian's prometheus package (about 22 MB; no recommended extras)"
  if [[ $(id -u) -ne 0 ]]; then
    echo "prometheus is not installed and this is not root: sudo apt-get install --no-install-recommends prometheus" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
if $install_only; then
  exit 0
fi

run="$root/.run/prometheus"
mkdir -p "$run/targets" "$run/data"
cp "$root/deploy/prometheus/prometheus.yml" "$root/deploy/prometheus/alerts.yml" "$run/"
echo "$targets_json" >"$run/targets/local.json"
echo "Prometheus at http://$listen (targets: $targets)"
exec prometheus --config.file="$run/prometheus.yml" --storage.tsdb.path="$run/data" \
  --web.listen-address="$listen" --storage.tsdb.retention.time=2d
