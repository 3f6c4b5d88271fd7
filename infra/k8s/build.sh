#!/usr/bin/env bash
# Builds the control plane's programs from source with the machine's Go toolchain through the
# Go module proxy, at the versions pinned in lib.sh, into a per-version cache directory outside
# the repository. Reuses the binaries when all are present. Prints the binary directory last.
#
#   kube-apiserver, kube-controller-manager, kube-scheduler  from k8s.io/kubernetes
#   etcd                                                     from go.etcd.io/etcd/server/v3
#   kwok                                                     from sigs.k8s.io/kwok/cmd/kwok
#
# k8s.io/kubernetes and the etcd server both carry `replace` directives for their in-repository
# modules, so `go install pkg@version` refuses them; each is built from a throwaway module that
# requires it and replaces those modules with their published versions.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

GO="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
[ -x "$GO" ] || k8s_die "no Go toolchain (looked for go on PATH and /usr/local/go/bin/go)"

have_all() {
  local p
  for p in "${K8S_PROGRAMS[@]}"; do [ -x "$K8S_BIN/$p" ] || return 1; done
}
if have_all; then
  k8s_note "binaries cached in $K8S_BIN"
  echo "$K8S_BIN"
  exit 0
fi

mkdir -p "$K8S_BIN"
work="$(dirname "$K8S_BIN")/src"
mkdir -p "$work"
exec 8>"$work/build.lock"
flock -w 3600 8 || k8s_die "another build has held $work/build.lock for an hour"
if have_all; then
  echo "$K8S_BIN"
  exit 0
fi

started=$SECONDS
export GOFLAGS="-mod=mod -buildvcs=false -trimpath"
export CGO_ENABLED=0
# Build quietly in the background of whatever else the machine is doing.
build() { nice -n "${K8S_BUILD_NICE:-10}" "$GO" build "$@"; }

# Writes a throwaway go.mod that requires $1@$2 and replaces each of its `=> ./…` replacements
# with the published module at the version the callback prints for it.
throwaway_module() {
  local dir="$1" module="$2" version="$3" mapper="$4" upstream_mod line name
  mkdir -p "$dir"
  rm -f "$dir/go.mod" "$dir/go.sum"
  (cd "$dir" && "$GO" mod init "tessera.local/build-$(basename "$dir")" >/dev/null 2>&1)
  upstream_mod="$(cd "$dir" && "$GO" mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  [ -r "$upstream_mod" ] || k8s_die "the module proxy did not serve $module@$version"
  (cd "$dir" && "$GO" mod edit -require="$module@$version")
  # Lines like `	k8s.io/api => ./staging/src/k8s.io/api` or `go.etcd.io/etcd/api/v3 => ../api`
  # (inside a replace block or not); etcd's `=> ./FORBIDDEN_DEPENDENCY` guards are not modules.
  while read -r line; do
    name="$(printf '%s' "$line" | sed -E 's/^(replace[[:space:]]+)?([^[:space:]]+)([[:space:]]+[^[:space:]=]+)?[[:space:]]+=>[[:space:]]+\..*$/\2/')"
    [ -n "$name" ] && [ "$name" != "$line" ] || continue
    (cd "$dir" && "$GO" mod edit -replace="$name=$name@$("$mapper" "$name")")
  done < <(grep -E '=>[[:space:]]+\.\.?/' "$upstream_mod" | grep -v FORBIDDEN_DEPENDENCY || true)
}

# k8s.io/kubernetes vX.Y.Z publishes its staging modules as v0.Y.Z.
k8s_staging_version() { echo "v0.${K8S_VERSION#v1.}"; }
# etcd publishes its sibling modules at the server's own version.
etcd_sibling_version() { echo "$ETCD_VERSION"; }

version_ldflags() {
  local major minor pkg flags=""
  major="${K8S_VERSION#v}"
  major="${major%%.*}"
  minor="$(echo "$K8S_VERSION" | cut -d. -f2)"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
    flags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  echo "-s -w$flags"
}

if [ ! -x "$K8S_BIN/etcd" ]; then
  k8s_say "etcd $ETCD_VERSION"
  throwaway_module "$work/etcd" go.etcd.io/etcd/server/v3 "$ETCD_VERSION" etcd_sibling_version
  (cd "$work/etcd" && build -ldflags "-s -w" -o "$K8S_BIN/etcd.tmp" go.etcd.io/etcd/server/v3)
  mv "$K8S_BIN/etcd.tmp" "$K8S_BIN/etcd"
  k8s_note "etcd built ($((SECONDS - started))s so far)"
fi

kube=(kube-apiserver kube-controller-manager kube-scheduler)
need_kube=0
for p in "${kube[@]}"; do [ -x "$K8S_BIN/$p" ] || need_kube=1; done
if [ "$need_kube" = 1 ]; then
  k8s_say "Kubernetes $K8S_VERSION (${kube[*]})"
  throwaway_module "$work/kubernetes" k8s.io/kubernetes "$K8S_VERSION" k8s_staging_version
  mkdir -p "$work/kubernetes/out"
  (cd "$work/kubernetes" && build -ldflags "$(version_ldflags)" -o "$work/kubernetes/out/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler)
  for p in "${kube[@]}"; do mv "$work/kubernetes/out/$p" "$K8S_BIN/$p"; done
  k8s_note "Kubernetes built ($((SECONDS - started))s so far)"
fi

if [ ! -x "$K8S_BIN/kwok" ]; then
  k8s_say "kwok $KWOK_VERSION"
  throwaway_module "$work/kwok" sigs.k8s.io/kwok "$KWOK_VERSION" k8s_staging_version
  (cd "$work/kwok" && build -ldflags "-s -w" -o "$K8S_BIN/kwok.tmp" sigs.k8s.io/kwok/cmd/kwok)
  mv "$K8S_BIN/kwok.tmp" "$K8S_BIN/kwok"
  k8s_note "kwok built ($((SECONDS - started))s so far)"
fi

k8s_note "built in $((SECONDS - started))s into $K8S_BIN"
echo "$K8S_BIN"
