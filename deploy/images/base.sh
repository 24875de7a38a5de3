#!/usr/bin/env bash
# Builds the base image every Qinqing service image is built on, from Debian's packages only (no image registry is
# needed): Debian 12 with the Java 17 runtime, time zones, a CJK font for generated files and a non-root user.
#
#   ./deploy/images/base.sh            writes deploy/images/target/qinqing-base.tar (kept while this script is unchanged)
#   ./deploy/images/base.sh --force    rebuilds it
#
# The tar is in `docker save` format, which Jib reads as `tar://` base (./mvnw -B -Pimages -DskipTests package). It
# needs root (mmdebstrap's root mode) and Debian's package mirror; mmdebstrap is installed when it is missing.
set -euo pipefail

here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
out_dir="$here/target"
out="$out_dir/qinqing-base.tar"
suite=bookworm
# uid/gid 10001: not root, and outside the range of any user the base packages create (the essential variant has no
# useradd: the user is written into /etc/passwd and /etc/group)
uid=10001
packages=openjdk-17-jre-headless,tzdata,fonts-wqy-zenhei,fontconfig-config,ca-certificates

force=false
[[ ${1:-} == --force ]] && force=true
stamp="$out_dir/qinqing-base.sha256"
wanted=$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)
if ! $force && [[ -f $out && -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
  echo "base image up to date: $out"
  exit 0
fi

if ! command -v mmdebstrap >/dev/null 2>&1; then
  echo "mmdebstrap is missing; installing Debian's package (apt-get install -y mmdebstrap)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$out_dir"

echo "building the root file system from Debian $suite ($packages)…"
# SOURCE_DATE_EPOCH: file times from the date of the newest package list, so that a rebuild of the same packages gives
# the same layer
mmdebstrap --mode=root --variant=essential --format=tar --include="$packages" \
  --customize-hook='echo "qinqing:x:'$uid':" >> "$1/etc/group"' \
  --customize-hook='echo "qinqing:x:'$uid':'$uid':Qinqing:/tmp:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='ln -sf /usr/share/zoneinfo/Asia/Shanghai "$1/etc/localtime"; echo Asia/Shanghai > "$1/etc/timezone"' \
  --customize-hook='rm -rf "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/info/* "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
  "$suite" "$work/rootfs.tar"

# `docker save` layout: the layer, the image config and manifest.json
layer_sha=$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)
mv "$work/rootfs.tar" "$work/image/$layer_sha.tar"
java_home=/usr/lib/jvm/java-17-openjdk-amd64
jq -n --arg diff "sha256:$layer_sha" --arg user "$uid:$uid" --arg java_home "$java_home" '{
  architecture: "amd64", os: "linux",
  config: {
    User: $user, WorkingDir: "/tmp",
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "JAVA_HOME=\($java_home)",
          "LANG=C.UTF-8", "TZ=Asia/Shanghai"],
    Labels: {"org.opencontainers.image.title": "qinqing-base",
             "org.opencontainers.image.description": "Debian 12, OpenJDK 17 runtime, tzdata, WenQuanYi Zen Hei, user qinqing (10001)",
             "org.opencontainers.image.base.name": "debian:bookworm (mmdebstrap)"}
  },
  rootfs: {type: "layers", diff_ids: [$diff]},
  history: [{created_by: "deploy/images/base.sh (mmdebstrap)"}]
}' > "$work/config.json"
config_sha=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config_sha.json"
jq -n --arg config "$config_sha.json" --arg layer "$layer_sha.tar" \
  '[{Config: $config, RepoTags: ["qinqing-base:bookworm"], Layers: [$layer]}]' > "$work/image/manifest.json"

tar -C "$work/image" -cf "$out.partial" manifest.json "$config_sha.json" "$layer_sha.tar"
mv "$out.partial" "$out"
echo "$wanted" > "$stamp"
echo "base image: $out ($(du -h "$out" | cut -f1))"
