# shellcheck shell=bash disable=SC2034 # constants used by the scripts that source this file
# Shared by infra/k8s/build.sh, up.sh and down.sh: the pinned versions of the control plane's
# programs, where their binaries are cached, where the running control plane keeps its files,
# and how its processes are found and stopped.

# One pinned release of each program. Changing a version builds a new cache directory; the old
# one stays until removed by hand.
K8S_VERSION="v1.36.3"
ETCD_VERSION="v3.6.16"
KWOK_VERSION="v0.8.0"

# Binaries live outside the repository, per version, and are reused when present.
K8S_CACHE_ROOT="${TESSERA_CACHE:-$HOME/.cache/tessera}/k8s"
K8S_BIN="$K8S_CACHE_ROOT/$K8S_VERSION-etcd-$ETCD_VERSION-kwok-$KWOK_VERSION/bin"

# The running control plane's state (certificates, etcd data, configs, logs, pid files).
# /var/lib survives a reboot; the pid files are checked against /proc before being trusted.
K8S_HOME="${TESSERA_K8S_HOME:-/var/lib/tessera-k8s}"
K8S_PKI="$K8S_HOME/pki"
K8S_LOGS="$K8S_HOME/logs"
K8S_RUN="$K8S_HOME/run"
K8S_ETCD_DATA="$K8S_HOME/etcd"

K8S_APISERVER_PORT="${TESSERA_K8S_PORT:-6443}"
K8S_SERVER="https://127.0.0.1:$K8S_APISERVER_PORT"
K8S_ETCD_CLIENT_PORT=2479
K8S_ETCD_PEER_PORT=2480
K8S_CONTROLLER_MANAGER_PORT=10457
K8S_SCHEDULER_PORT=10459
K8S_KWOK_PORT=10447
# What the worker uses: a ServiceAccount token, never an administrator's certificate.
K8S_WORKER_KUBECONFIG="$K8S_HOME/tessera-worker.kubeconfig"
K8S_ADMIN_KUBECONFIG="$K8S_HOME/admin.kubeconfig"
K8S_PROGRAMS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)

if [ -t 1 ]; then k8s_bold=$'\033[1m' k8s_red=$'\033[1;31m' k8s_plain=$'\033[0m'; else
  k8s_bold="" k8s_red="" k8s_plain=""
fi
k8s_say() { printf '%s==> %s%s\n' "$k8s_bold" "$*" "$k8s_plain"; }
k8s_note() { printf '    %s\n' "$*"; }
k8s_die() {
  printf '%sERROR: %s%s\n' "$k8s_red" "$*" "$k8s_plain" >&2
  exit 1
}

# The pid a program's pid file names, when that process is alive and really is the program
# (a stale pid file may name a recycled pid).
k8s_pid() {
  local name="$1" file="$K8S_RUN/$1.pid" pid exe
  [ -r "$file" ] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  [ "$(basename "${exe% (deleted)}")" = "$name" ] || return 1
  echo "$pid"
}

# Stops one program by its pid file: TERM, then KILL after 20 s.
k8s_stop() {
  local name="$1" pid deadline
  pid="$(k8s_pid "$name")" || {
    rm -f "$K8S_RUN/$name.pid" "$K8S_RUN/$name.args"
    return 0
  }
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + 20))
  while [ -d "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if [ -d "/proc/$pid" ]; then
    k8s_note "$name (pid $pid) ignored TERM for 20 s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$K8S_RUN/$name.pid" "$K8S_RUN/$name.args"
  k8s_note "stopped $name (pid $pid)"
}
