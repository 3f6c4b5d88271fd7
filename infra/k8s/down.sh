#!/usr/bin/env bash
# Stops what infra/k8s/up.sh started (kwok, the scheduler, the controller manager, the API
# server, etcd — in that order), each by its pid file. Certificates, etcd's data and the cached
# binaries stay, so the next up.sh is quick. `down.sh --purge` also removes the state directory
# (a fresh cluster next time); the binaries' cache is never touched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

[ -d "$K8S_RUN" ] || {
  k8s_note "nothing to stop ($K8S_RUN does not exist)"
  [ "${1:-}" != --purge ] || rm -rf "$K8S_HOME"
  exit 0
}
k8s_say "Stopping the development control plane"
for program in kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
  k8s_stop "$program"
done
if [ "${1:-}" = --purge ]; then
  rm -rf "$K8S_HOME"
  k8s_note "removed $K8S_HOME"
fi
