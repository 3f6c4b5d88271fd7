#!/usr/bin/env bash
# Stops the daemons that infra/slurm/up.sh started (found through their pidfiles), newest first.
# Packages, configuration, keys and accounting data stay, so up.sh brings the same cluster back.
# A daemon that was already running before up.sh (a shared MariaDB, say) is left alone.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

[ "$(id -u)" = 0 ] || slurm_die "run infra/slurm/down.sh as root"

slurm_say "Stopping the development Slurm cluster"
for name in slurmrestd slurmd slurmctld slurmdbd mariadbd munged; do
  if [ -e "$SLURM_STARTED/$name" ]; then
    if slurm_pid_from_file "$name" >/dev/null; then
      slurm_stop_by_pidfile "$name"
    else
      slurm_note "$name: not running"
    fi
    rm -f "$SLURM_STARTED/$name"
  elif slurm_is_running "$name"; then
    slurm_note "$name: not started by up.sh, left running"
  fi
done
rm -f "$SLURM_RUN/slurmrestd.pid"
slurm_say "Stopped"
