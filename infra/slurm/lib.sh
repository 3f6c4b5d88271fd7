# shellcheck shell=bash disable=SC2034 # constants used by the scripts that source this file
# Shared by infra/slurm/up.sh and infra/slurm/down.sh: where the single-node development Slurm
# cluster keeps its files, and how its daemons are found, waited for and stopped.

SLURM_CLUSTER="tessera-dev"
SLURM_REST_ADDR="127.0.0.1:6820"
SLURM_REST_URL="http://$SLURM_REST_ADDR"
SLURM_ETC="/etc/slurm"
SLURM_STATE="/var/spool/slurm/statesave"
SLURM_SPOOL_D="/var/spool/slurm/d"
SLURM_LOGS="/var/log/slurm"
SLURM_RUN="/run/slurm"
SLURM_JWT_KEY="$SLURM_STATE/jwt_hs256.key"
SLURM_REST_USER="slurmrest"
# The Unix (and Slurm) user Tessera's worker submits jobs as (SLURM_USER_NAME), and the directory
# its jobs write stdout/stderr to (%j.out), which the worker reads back for the output tail.
TESSERA_SLURM_USER="${SLURM_USER_NAME:-tessera}"
TESSERA_JOB_OUTPUT_DIR="/var/spool/tessera-jobs"
FAKE_GPU_DIR="/dev/tessera-fake-gpu"
# One marker per daemon that up.sh started; down.sh stops only those. /run empties on reboot,
# as do the daemons, so the markers cannot outlive what they describe.
SLURM_STARTED="/run/tessera-slurm/started"

# Colour only on a terminal, so CI logs and callers that parse the output get plain text.
if [ -t 1 ]; then slurm_bold=$'\033[1m' slurm_red=$'\033[1;31m' slurm_plain=$'\033[0m'; else
  slurm_bold="" slurm_red="" slurm_plain=""
fi
slurm_say() { printf '%s==> %s%s\n' "$slurm_bold" "$*" "$slurm_plain"; }
slurm_note() { printf '    %s\n' "$*"; }
slurm_die() {
  printf '%sERROR: %s%s\n' "$slurm_red" "$*" "$slurm_plain" >&2
  exit 1
}

# Pidfile of each daemon (written by the daemon itself, or by start-stop-daemon for the two that
# run in the foreground).
slurm_pidfile() {
  case "$1" in
    munged) echo /run/munge/munged.pid ;;
    mariadbd) echo /run/mysqld/mysqld.pid ;;
    slurmdbd | slurmctld | slurmd | slurmrestd) echo "$SLURM_RUN/$1.pid" ;;
    *) slurm_die "unknown daemon $1" ;;
  esac
}

slurm_logfile() {
  case "$1" in
    munged) echo /var/log/munge/munged.log ;;
    *) echo "$SLURM_LOGS/$1.log" ;;
  esac
}

# Prints the pid of a live daemon from its pidfile, checking the process really is that daemon
# (a stale pidfile may name a recycled pid).
slurm_pid_from_file() {
  local name="$1" file pid comm
  file="$(slurm_pidfile "$name")"
  [ -r "$file" ] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] || return 1
  comm="$(cat "/proc/$pid/comm")"
  [ "$comm" = "$name" ] || return 1
  echo "$pid"
}

# A daemon counts as running when its pidfile names it, or (when someone else started it without
# our pidfile) when a process of that exact name exists.
slurm_is_running() {
  slurm_pid_from_file "$1" >/dev/null || pgrep -x "$1" >/dev/null
}

# Stops one daemon by its pidfile: TERM, then KILL after 20 s.
slurm_stop_by_pidfile() {
  local name="$1" pid deadline began=$SECONDS
  pid="$(slurm_pid_from_file "$name")" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$((SECONDS + 20))
  while [ -d "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if [ -d "/proc/$pid" ]; then
    slurm_note "$name (pid $pid) ignored TERM for 20 s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  slurm_note "stopped $name (pid $pid, $((SECONDS - began))s)"
}

# Polls a command until it succeeds or the time runs out; on timeout names the daemon and its log.
slurm_wait_for() {
  local name="$1" seconds="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      local log
      log="$(slurm_logfile "$name")"
      printf '\n--- last lines of %s ---\n' "$log" >&2
      tail -n 25 "$log" >&2 2>/dev/null || true
      slurm_die "$name did not come up within ${seconds}s (log: $log)"
    fi
    sleep 0.5
  done
}
