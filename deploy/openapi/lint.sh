#!/usr/bin/env bash
# Lints the OpenAPI documents of the seven API services with Redocly CLI (pinned in package-lock.json), 0 errors wanted.
#
#   deploy/openapi/lint.sh                 the documents the services' tests wrote during ./mvnw verify
#                                          (services/<name>/target/openapi/<name>.json)
#   deploy/openapi/lint.sh --live          the documents a running platform serves (./deploy/run.sh: ports 8081-8087)
#   deploy/openapi/lint.sh --live --port-offset=200
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
services=(appeals assignment resolution meetings oversight notifications projects)
live=false
offset=0
for arg in "$@"; do
  case "$arg" in
    --live) live=true ;;
    --port-offset=*) offset="${arg#*=}" ;;
    -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if ! command -v npm >/dev/null; then
  echo "Node.js 20.19+ and npm are needed to lint the OpenAPI documents (Redocly CLI); the project's machines have them" >&2
  exit 1
fi
if [[ ! -x "$here/node_modules/.bin/redocly" ]]; then
  echo "installing Redocly CLI (npm ci in deploy/openapi)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

documents=()
if $live; then
  mkdir -p "$root/target/openapi"
  port=8081
  for name in "${services[@]}"; do
    url="http://localhost:$((port + offset))/v3/api-docs"
    curl -fsS "$url" -o "$root/target/openapi/$name.json" || { echo "cannot read $url: is the platform running?" >&2; exit 1; }
    documents+=("$root/target/openapi/$name.json")
    port=$((port + 1))
  done
else
  for name in "${services[@]}"; do
    document="$root/services/$name/target/openapi/$name.json"
    if [[ ! -f "$document" ]]; then
      echo "missing $document: the service's tests write it (./mvnw -B verify -pl services/$name -am), or lint a running platform with --live" >&2
      exit 1
    fi
    documents+=("$document")
  done
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
cd "$here"
exec ./node_modules/.bin/redocly lint --config=redocly.yaml --format=stylish "${documents[@]}"
