#!/usr/bin/env bash
# The test bed's Docker engines: `start [DAEMONS]`, `stop`, `env`, `status`.
#
# Binaries come from Debian packages (apt-get download + dpkg -x, never installed system-wide) into
# .engine/ (git-ignored). The mirror is read from this machine's apt configuration. Daemons run
# rootful with vfs storage and no bridge network, so builds use --network=none.
#
# When a Docker engine is already reachable (as on GitHub's runners) it serves as daemon 0 and only
# the extra daemons for multi-node tests are started here. BUILDX_GUARD_LOCAL_ENGINE=1 forces a local
# daemon 0 as well.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
engine=${BUILDX_GUARD_ENGINE_DIR:-$repo/.engine}
cache=${BUILDX_GUARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/buildx-guard}
root=$engine/root
run=$engine/run

# Package versions of the test bed. sid: current engine and buildx; trixie: buildx 0.13.1 (has the
# partial-bootstrap bug); bookworm: runc and busybox that run on this machine's glibc.
pkgs_sid=(docker.io=28.5.2+dfsg4-5 docker-cli=28.5.2+dfsg4-5 containerd=2.1.9+ds1-5 docker-buildx=0.29.1+ds1-4)
pkg_buildx_old=docker-buildx=0.13.1+ds1-3
pkgs_bookworm=(runc=1.1.5+ds1-1+deb12u1 busybox-static=1:1.35.0-4+deb12u1+b1)
pkg_busybox_arm64=busybox-static:arm64=1:1.35.0-4+deb12u1+b1
# The registry path: the CNCF distribution registry and crane (sid).
pkgs_registry=(docker-registry=2.8.3+ds1-3 crane=0.20.7+ds1-5)

log() { printf 'engine: %s\n' "$*" >&2; }
die() { printf 'engine: error: %s\n' "$*" >&2; exit 1; }

mirror() {
  local src=/etc/apt/sources.list.d/debian.sources uri=''
  [ -f "$src" ] && uri=$(awk '/^URIs:/ { print $2; exit }' "$src")
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
  printf '%s' "${uri%/}"
}

apt_opts() {
  printf '%s\n' -o "Dir::Etc::sourcelist=$cache/apt/sources.list" -o Dir::Etc::sourceparts=- \
    -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt/cache" \
    -o 'APT::Architectures::=amd64' -o 'APT::Architectures::=arm64' -o Debug::NoLocking=1 -o APT::Sandbox::User=root
}

# Downloads the packages once into the cache folder (outside the work tree, so fresh clones reuse it).
download() {
  local debs=$cache/debs stamp
  stamp="${pkgs_sid[*]} $pkg_buildx_old ${pkgs_bookworm[*]} $pkg_busybox_arm64 ${pkgs_registry[*]}"
  if [ -f "$debs/.stamp" ] && [ "$(cat "$debs/.stamp")" = "$stamp" ]; then return; fi
  command -v apt-get >/dev/null || die "apt-get is needed to provision the engine from Debian packages"
  local uri
  uri=$(mirror)
  mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial" "$debs/old" "$debs/arm64" "$debs/registry"
  cat >"$cache/apt/sources.list" <<EOF
deb [trusted=yes arch=amd64] $uri sid main
deb [trusted=yes arch=amd64] $uri trixie main
deb [trusted=yes arch=amd64,arm64] $uri bookworm main
EOF
  local -a opts
  mapfile -t opts < <(apt_opts)
  log "downloading package lists"
  apt-get "${opts[@]}" -qq update >/dev/null || die "apt-get update failed for the private package lists"
  log "downloading packages"
  (cd "$debs" && apt-get "${opts[@]}" -qq download "${pkgs_sid[@]}" "${pkgs_bookworm[@]}") 2>&1 | grep -v 'unsandboxed' >&2 || true
  (cd "$debs/old" && apt-get "${opts[@]}" -qq download "$pkg_buildx_old") 2>&1 | grep -v 'unsandboxed' >&2 || true
  (cd "$debs/arm64" && apt-get "${opts[@]}" -qq download "$pkg_busybox_arm64") 2>&1 | grep -v 'unsandboxed' >&2 || true
  (cd "$debs/registry" && apt-get "${opts[@]}" -qq download "${pkgs_registry[@]}") 2>&1 | grep -v 'unsandboxed' >&2 || true
  [ "$(ls "$debs"/registry/*.deb 2>/dev/null | wc -l)" -eq 2 ] || die "docker-registry or crane did not download"
  [ "$(ls "$debs"/*.deb 2>/dev/null | wc -l)" -eq 6 ] || die "expected 6 packages in $debs, got: $(ls "$debs")"
  ls "$debs"/old/*.deb "$debs"/arm64/*.deb >/dev/null || die "buildx 0.13.1 or arm64 busybox did not download"
  printf '%s' "$stamp" >"$debs/.stamp"
}

unpack() {
  local stamp=$cache/debs/.stamp
  if [ -f "$engine/.stamp" ] && cmp -s "$engine/.stamp" "$stamp"; then return; fi
  rm -rf "$root" "$engine/buildx-0.13.1" "$engine/arm64"
  mkdir -p "$root" "$engine/buildx-0.13.1" "$engine/arm64"
  for f in "$cache"/debs/*.deb; do dpkg -x "$f" "$root"; done
  dpkg -x "$cache"/debs/old/*.deb "$engine/buildx-0.13.1"
  dpkg -x "$cache"/debs/arm64/*.deb "$engine/arm64"
  for f in "$cache"/debs/registry/*.deb; do dpkg -x "$f" "$root"; done
  # One DOCKER_CONFIG per buildx version: each has the plugin and its own builder store.
  for v in 0.29.1 0.13.1; do mkdir -p "$engine/config-$v/cli-plugins"; done
  cp "$root/usr/libexec/docker/cli-plugins/docker-buildx" "$engine/config-0.29.1/cli-plugins/"
  cp "$engine/buildx-0.13.1/usr/libexec/docker/cli-plugins/docker-buildx" "$engine/config-0.13.1/cli-plugins/"
  mkdir -p "$engine/images/busybox-amd64" "$engine/images/busybox-arm64"
  cp "$root/bin/busybox" "$engine/images/busybox-amd64/busybox"
  cp "$engine/arm64/bin/busybox" "$engine/images/busybox-arm64/busybox"
  cp "$stamp" "$engine/.stamp"
}

system_engine() {
  [ "${BUILDX_GUARD_LOCAL_ENGINE:-}" = 1 ] && return 1
  [ -n "${BUILDX_GUARD_SYSTEM_DOCKER_HOST:-}" ] && return 0
  command -v docker >/dev/null && env -u DOCKER_HOST -u DOCKER_CONFIG docker version >/dev/null 2>&1
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_daemon() {
  local i=$1 d=$run/d$1
  local sock=$d/docker.sock
  mkdir -p "$d/data" "$d/exec"
  if alive "$d/docker.pid" && DOCKER_HOST=unix://$sock "$root/usr/bin/docker" version >/dev/null 2>&1; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "starting dockerd needs root (run as root or with sudo -E)"
  rm -f "$sock" "$d/docker.pid"
  log "starting dockerd $i"
  PATH=$root/usr/sbin:$root/usr/bin:$PATH setsid "$root/usr/sbin/dockerd" \
    --data-root "$d/data" --exec-root "$d/exec" -H "unix://$sock" --pidfile "$d/docker.pid" \
    --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
    >"$d/dockerd.log" 2>&1 </dev/null &
  echo $! >"$d/started.pid"
}

wait_daemon() {
  local i=$1 d=$run/d$1 n
  for n in $(seq 1 150); do
    if DOCKER_HOST=unix://$d/docker.sock "$root/usr/bin/docker" version >/dev/null 2>&1; then return; fi
    if ! kill -0 "$(cat "$d/started.pid" 2>/dev/null || echo 0)" 2>/dev/null && ! alive "$d/docker.pid"; then
      tail -n 20 "$d/dockerd.log" >&2
      die "dockerd $i exited during start-up (log above, full log: $d/dockerd.log)"
    fi
    sleep 0.2
  done
  tail -n 20 "$d/dockerd.log" >&2
  die "dockerd $i did not answer within 30 s (log: $d/dockerd.log)"
}

# The registry on 127.0.0.1 (a free port), its own data folder under run/registry; stopped with the engines.
start_registry() {
  local d=$run/registry port n
  mkdir -p "$d/data"
  if alive "$d/registry.pid" && [ -f "$d/port" ]; then return; fi
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n' "$d/data" "$port" >"$d/config.yml"
  log "starting the registry on 127.0.0.1:$port"
  setsid "$root/usr/bin/docker-registry" serve "$d/config.yml" >"$d/registry.log" 2>&1 </dev/null &
  echo $! >"$d/registry.pid"
  echo "$port" >"$d/port"
  for n in $(seq 1 100); do
    if node -e "require('http').get('http://127.0.0.1:$port/v2/',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"; then return; fi
    alive "$d/registry.pid" || { tail -n 20 "$d/registry.log" >&2; die "the registry exited during start-up"; }
    sleep 0.1
  done
  die "the registry did not answer on 127.0.0.1:$port (log: $d/registry.log)"
}

write_env() {
  local count=$1 hosts=() i first=0
  if system_engine; then
    hosts+=("${BUILDX_GUARD_SYSTEM_DOCKER_HOST:-$(env -u DOCKER_HOST docker context inspect --format '{{.Endpoints.docker.Host}}' 2>/dev/null || echo unix:///var/run/docker.sock)}")
    first=1
  fi
  for ((i = first; i < count; i++)); do hosts+=("unix://$run/d$i/docker.sock"); done
  cat >"$engine/env" <<EOF
export PATH="$root/usr/sbin:$root/usr/bin:\$PATH"
export DOCKER_HOST="${hosts[0]}"
export DOCKER_CONFIG="$engine/config-0.29.1"
export BUILDX_GUARD_DOCKER_HOSTS="${hosts[*]}"
export BUILDX_GUARD_CONFIG_0_29_1="$engine/config-0.29.1"
export BUILDX_GUARD_CONFIG_0_13_1="$engine/config-0.13.1"
export BUILDX_GUARD_BUSYBOX_AMD64="$engine/images/busybox-amd64/busybox"
export BUILDX_GUARD_BUSYBOX_ARM64="$engine/images/busybox-arm64/busybox"
export BUILDX_GUARD_ENGINE_DIR="$engine"
export BUILDX_GUARD_REGISTRY="127.0.0.1:$(cat "$run/registry/port")"
export BUILDX_GUARD_CRANE="$root/usr/bin/crane"
EOF
}

cmd_start() {
  local count=${1:-2} i first=0
  [[ "$count" =~ ^[1-8]$ ]] || die "start takes a daemon count from 1 to 8, got '$count'"
  download
  unpack
  system_engine && first=1
  for ((i = first; i < count; i++)); do start_daemon "$i"; done
  for ((i = first; i < count; i++)); do wait_daemon "$i"; done
  start_registry
  write_env "$count"
  log "ready: $count daemon(s); load the environment with: eval \"\$(bash scripts/engine.sh env)\""
}

# Stops only what this script started: the dockerd pids it recorded and the containerd each started.
cmd_stop() {
  local d pids=() p n
  for d in "$run"/d*; do
    [ -d "$d" ] || continue
    for p in "$d/docker.pid" "$d/started.pid" "$d/exec/containerd/containerd.pid"; do
      [ -f "$p" ] && pids+=("$(cat "$p")")
    done
  done
  [ -f "$run/registry/registry.pid" ] && pids+=("$(cat "$run/registry/registry.pid")")
  [ ${#pids[@]} -gt 0 ] || { log "nothing to stop"; return; }
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for n in $(seq 1 75); do
    local left=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left=1; done
    [ $left = 0 ] && break
    sleep 0.2
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for d in "$run"/d*; do rm -f "$d/docker.pid" "$d/started.pid" "$d/docker.sock"; done
  rm -f "$run/registry/registry.pid" "$run/registry/port"
  log "stopped"
}

cmd_env() {
  [ -f "$engine/env" ] || die "no engine started; run: npm run engine -- start"
  cat "$engine/env"
}

cmd_status() {
  local d
  for d in "$run"/d*; do
    [ -d "$d" ] || continue
    if alive "$d/docker.pid"; then echo "$(basename "$d") running (pid $(cat "$d/docker.pid"))"; else echo "$(basename "$d") stopped"; fi
  done
}

case "${1:-}" in
  start) cmd_start "${2:-2}" ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  *) echo "usage: $0 start [DAEMONS] | stop | env | status" >&2; exit 2 ;;
esac
