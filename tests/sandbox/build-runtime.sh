#!/usr/bin/env bash
# Builds the stand-in runtime and SDK from Debian 12 packages and exports
# them into a local Flatpak repository.
#
# The GNOME runtime the shipped manifest names cannot be fetched in CI, so
# the sandbox suite builds the app against a runtime made from Debian 12
# instead. Its names say what it is: io.github.nxra.DebianPlatform//12 and
# io.github.nxra.DebianSdk//12. It proves the manifest builds and the app
# runs in a real sandbox; it says nothing about GNOME 50's library versions.
#
# Usage: build-runtime.sh CACHE-DIR
#
# CACHE-DIR/repo is the result. It is rebuilt only when this script changes
# (its checksum is kept beside the repo), so reruns take seconds.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

cache="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"
arch="$(flatpak --default-arch)"

log () { printf '%s\n' "build-runtime: $*" >&2; }

if [ -f "$cache/repo/config" ] && [ "$(cat "$cache/stamp" 2>/dev/null)" = "$stamp" ]; then
  log "using the cached runtime in $cache/repo"
  exit 0
fi

# What the app needs at run time, and what a session needs to draw it.
platform_packages=(
  libglib2.0-0 libgtk-4-1 libadwaita-1-0 libsoup-3.0-0 libjson-glib-1.0-0 libsecret-1-0
  libsqlite3-0
  libgcrypt20 glib-networking gsettings-desktop-schemas shared-mime-info
  adwaita-icon-theme hicolor-icon-theme librsvg2-common libgdk-pixbuf-2.0-0
  fonts-cantarell fonts-dejavu-core fontconfig locales
)
# What building and testing the app and the bundled libsecret needs.
sdk_packages=(
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev libsoup-3.0-dev
  libjson-glib-dev libsecret-1-dev libgcrypt20-dev libsqlite3-dev
  desktop-file-utils appstream appstream-util python3 dbus
)

# The machine's own Debian mirror, as apt is configured on it: nothing to
# keep up to date in this repository.
mirror () {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") ok = 1 }
      /^$/ { if (ok && uri != "") { print uri; exit } uri = ""; ok = 0 }
      END { if (ok && uri != "") print uri }
    ' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" && $0 ~ / bookworm / { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' "$f"
  done
}

url="$(mirror | head -n1)"
if [ -z "$url" ]; then
  log "no Debian 12 (bookworm) source found in the apt configuration"
  exit 1
fi

work="$cache/work"
rm -rf "$work" "$cache/repo" "$cache/stamp"
mkdir -p "$work"

# mmdebstrap resolves dependencies with apt (debootstrap cannot choose
# between the providers of a virtual package such as dbus-session-bus);
# the two trees are made at once.
join () { local IFS=,; echo "$*"; }
bootstrap () {
  local root="$1" packages="$2"
  mmdebstrap --variant=minbase --include="$packages" --aptopt='APT::Install-Recommends "false"' \
    bookworm "$root" "deb $url bookworm main" > "$root.log" 2>&1 ||
    { tail -n 30 "$root.log" >&2; return 1; }
}
log "bootstrapping the platform and SDK trees from $url"
bootstrap "$work/platform-root" "$(join "${platform_packages[@]}")" & platform_pid=$!
bootstrap "$work/sdk-root" "$(join "${platform_packages[@]}" "${sdk_packages[@]}")" & sdk_pid=$!
wait "$platform_pid"
wait "$sdk_pid"

# A Flatpak runtime is a /usr: usr/ becomes files/ and etc/ files/etc.
# flatpak regenerates the linker cache at each start with /usr/bin/ldconfig,
# and /app/lib must come first so bundled libraries win.
make_runtime () {
  local root="$1" dir="$2" name="$3"
  mkdir -p "$dir"
  cp -a "$root/usr" "$dir/files"
  rm -rf "$dir/files/etc"
  cp -a "$root/etc" "$dir/files/etc"
  rm -f "$dir/files/etc/ld.so.cache" "$dir/files/etc/machine-id" \
        "$dir/files/etc/passwd" "$dir/files/etc/group" \
        "$dir/files/etc/hosts" "$dir/files/etc/resolv.conf" "$dir/files/etc/localtime"
  rm -rf "$dir/files/etc/ld.so.conf.d"
  printf '/app/lib\n/app/lib/%s-linux-gnu\n/usr/lib/%s-linux-gnu\n/usr/lib\n' \
    "$arch" "$arch" > "$dir/files/etc/ld.so.conf"
  [ -e "$dir/files/bin/ldconfig" ] || ln -s ../sbin/ldconfig "$dir/files/bin/ldconfig"
  rm -rf "$dir/files/share/doc" "$dir/files/share/man" "$dir/files/share/info"
  cat > "$dir/metadata" <<META
[Runtime]
name=$name
runtime=io.github.nxra.DebianPlatform/$arch/12
sdk=io.github.nxra.DebianSdk/$arch/12
META
}

log "exporting the runtimes"
make_runtime "$work/platform-root" "$work/platform" io.github.nxra.DebianPlatform
make_runtime "$work/sdk-root" "$work/sdk" io.github.nxra.DebianSdk
flatpak build-export --runtime --files=files "$cache/repo" "$work/platform" 12 > /dev/null
flatpak build-export --runtime --files=files "$cache/repo" "$work/sdk" 12 > /dev/null

rm -rf "$work"
echo "$stamp" > "$cache/stamp"
log "done: $cache/repo"
