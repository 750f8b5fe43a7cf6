#!/usr/bin/env bash
# cmark-gfm (GitHub's Markdown parser) for the tests, the test bed's way: Debian's packages are
# downloaded with apt-get through a private sources list whose mirror is read from this machine's apt
# configuration, cached, and unpacked with dpkg -x (never installed system-wide). Prints the folder
# holding usr/bin/cmark-gfm and its libraries. Fails with one sentence when it cannot.
set -euo pipefail

cache=${BUILDX_GUARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/buildx-guard}/cmark
root=$cache/root
die() { printf 'cmark: error: %s\n' "$*" >&2; exit 1; }

if [ -x "$root/usr/bin/cmark-gfm" ]; then printf '%s\n' "$root"; exit 0; fi
command -v apt-get >/dev/null || die "apt-get is needed to download cmark-gfm from Debian"
command -v dpkg >/dev/null || die "dpkg is needed to unpack cmark-gfm"

src=/etc/apt/sources.list.d/debian.sources uri=''
[ -f "$src" ] && uri=$(awk '/^URIs:/ { print $2; exit }' "$src")
if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
  uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' /etc/apt/sources.list)
fi
[ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"

mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial" "$cache/debs"
# bookworm: the libraries run on this machine's glibc.
printf 'deb [trusted=yes arch=amd64] %s bookworm main\n' "${uri%/}" >"$cache/apt/sources.list"
opts=(-o "Dir::Etc::sourcelist=$cache/apt/sources.list" -o Dir::Etc::sourceparts=-
  -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt/cache"
  -o 'APT::Architectures::=amd64' -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
apt-get "${opts[@]}" -qq update >/dev/null || die "apt-get update failed for cmark-gfm's private package lists"
libs=$(apt-cache "${opts[@]}" depends cmark-gfm | awk '/Depends: libcmark-gfm/ { print $2 }')
[ -n "$libs" ] || die "the package lists do not name cmark-gfm's libraries"
# shellcheck disable=SC2086
(cd "$cache/debs" && apt-get "${opts[@]}" -qq download cmark-gfm $libs) 2>&1 | grep -v unsandboxed >&2 || true
ls "$cache"/debs/cmark-gfm_*.deb >/dev/null 2>&1 || die "cmark-gfm did not download from $uri"
rm -rf "$root.tmp" && mkdir -p "$root.tmp"
for f in "$cache"/debs/*.deb; do dpkg -x "$f" "$root.tmp"; done
[ -x "$root.tmp/usr/bin/cmark-gfm" ] || die "the cmark-gfm package holds no usr/bin/cmark-gfm"
rm -rf "$root" && mv "$root.tmp" "$root"
printf '%s\n' "$root"
