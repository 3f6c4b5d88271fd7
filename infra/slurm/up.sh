#!/usr/bin/env bash
# Brings up a real single-node Slurm cluster (tessera-dev) on this Debian 12 machine for the Slurm
# driver's development and integration tests: accounting through slurmdbd + MariaDB, four fake
# H100 GPUs, slurmrestd with JWT on 127.0.0.1:6820. Run as root. Idempotent: whatever is already
# installed, configured or running is kept. When DATABASE_URL names a reachable Tessera database,
# the cluster is registered in the portal (pnpm slurm:register). The last line of output, for
# callers to parse, is
#   SLURM_READY url=… key=… cluster=… partition=… gres=…
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

[ "$(id -u)" = 0 ] || slurm_die "run infra/slurm/up.sh as root (it installs packages and starts system daemons)"

started_at=$SECONDS
phase_at=$SECONDS
phase_done() {
  slurm_note "($1 took $((SECONDS - phase_at))s)"
  phase_at=$SECONDS
}

# Two runs at once would race on configs and daemons; the second waits for the first.
mkdir -p "$SLURM_STARTED"
exec 9>/run/tessera-slurm/up.lock
flock -w 300 9 || slurm_die "another infra/slurm/up.sh has held /run/tessera-slurm/up.lock for 5 minutes"
# Daemons must not inherit the lock (munged keeps inherited descriptors open, which would block
# every later run): each one is started through this.
without_lock() { "$@" 9>&-; }

NODE="$(hostname -s)"

# ---------------------------------------------------------------------------------------------
slurm_say "Packages"
packages=(munge slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin slurmdbd mariadb-server)
missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
  slurm_note "all installed"
else
  slurm_note "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The package lists are refreshed only when one of the packages has no candidate yet.
  for pkg in "${missing[@]}"; do
    policy="$(apt-cache policy "$pkg" 2>/dev/null || true)"
    if [[ "$policy" != *"Candidate: "[0-9]* ]]; then
      slurm_note "package lists do not know $pkg; running apt-get update"
      apt-get update -qq
      break
    fi
  done
  # Keep the packages' maintainer scripts from starting daemons with their default configs (on
  # machines with systemd they would); this script starts them itself below.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  # Only the missing packages are named, so an installed MariaDB is never upgraded (and restarted)
  # behind its owner's back. Stale lists show up as 404s: refresh once and retry.
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    slurm_note "install failed; refreshing the package lists and retrying once"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
phase_done "packages"

# ---------------------------------------------------------------------------------------------
slurm_say "Users, directories, host name, fake GPUs"
id slurm >/dev/null 2>&1 || useradd --system --user-group --no-create-home --home-dir /nonexistent \
  --shell /usr/sbin/nologin slurm
# slurmrestd refuses to run as root or as SlurmUser, so it gets a user of its own.
id "$SLURM_REST_USER" >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
  --home-dir /nonexistent --shell /usr/sbin/nologin "$SLURM_REST_USER"

# Tessera's jobs run as this user; it needs a shell for batch scripts and an existing home for
# Slurm's working directory. Its associations are made per tenant by the driver (ensureTenant).
id "$TESSERA_SLURM_USER" >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
  --home-dir "$TESSERA_JOB_OUTPUT_DIR" --shell /bin/bash "$TESSERA_SLURM_USER"

install -d -o slurm -g slurm -m 0755 "$SLURM_ETC" "$SLURM_LOGS" "$SLURM_RUN" /var/spool/slurm
install -d -o "$TESSERA_SLURM_USER" -g "$TESSERA_SLURM_USER" -m 0755 "$TESSERA_JOB_OUTPUT_DIR"
install -d -o slurm -g slurm -m 0700 "$SLURM_STATE"
install -d -o root -g root -m 0755 "$SLURM_SPOOL_D"
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge
install -d -o munge -g munge -m 0755 /run/munge /var/log/munge

if ! getent hosts "$NODE" >/dev/null; then
  printf '127.0.0.1 %s\n' "$NODE" >>/etc/hosts
  slurm_note "added '127.0.0.1 $NODE' to /etc/hosts"
fi

# Slurm accepts a GPU only as a character device; the major number 195 is NVIDIA's.
install -d -m 0755 "$FAKE_GPU_DIR"
for i in 0 1 2 3; do
  dev="$FAKE_GPU_DIR/nvidia$i"
  if [ ! -c "$dev" ]; then
    rm -f "$dev"
    mknod -m 0666 "$dev" c 195 "$i"
  fi
done
phase_done "setup"

# ---------------------------------------------------------------------------------------------
slurm_say "Keys and configuration"
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null; then
    runuser -u munge -- mungekey --create --keyfile=/etc/munge/munge.key
  else
    (umask 077 && dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none)
  fi
  slurm_note "created /etc/munge/munge.key"
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key

if [ ! -s "$SLURM_JWT_KEY" ]; then
  (umask 077 && dd if=/dev/urandom of="$SLURM_JWT_KEY" bs=32 count=1 status=none)
  slurm_note "created $SLURM_JWT_KEY"
fi
chown slurm:slurm "$SLURM_JWT_KEY"
chmod 0600 "$SLURM_JWT_KEY"

# The database password is made once and kept in slurmdbd.conf (mode 600), its only reader.
db_pass=""
if [ -r "$SLURM_ETC/slurmdbd.conf" ]; then
  db_pass="$(sed -n 's/^StoragePass=//p' "$SLURM_ETC/slurmdbd.conf" | head -n 1)"
fi
[ -n "$db_pass" ] || db_pass="$(od -An -tx1 -N 18 /dev/urandom | tr -d ' \n')"

cpus="$(nproc)"
mem_total_mb="$(free -m | awk '/^Mem:/ { print $2 }')"
# Headroom for the OS and the daemons: a tenth of the memory, at least 1 GiB.
headroom_mb=$((mem_total_mb / 10))
[ "$headroom_mb" -ge 1024 ] || headroom_mb=1024
real_memory_mb=$((mem_total_mb - headroom_mb))
[ "$real_memory_mb" -ge 512 ] || slurm_die "only ${mem_total_mb} MiB of memory; the dev cluster needs at least 1.5 GiB"

config_changed=()
# Writes stdin to a file only when the content differs; remembers which files changed.
write_config() {
  local file="$1" mode="$2" owner="$3" tmp
  tmp="$(mktemp "$file.XXXXXX")"
  cat >"$tmp"
  chmod "$mode" "$tmp"
  chown "$owner" "$tmp"
  if [ -f "$file" ] && cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    chmod "$mode" "$file"
    chown "$owner" "$file"
  else
    mv -f "$tmp" "$file"
    config_changed+=("$(basename "$file")")
  fi
}

write_config "$SLURM_ETC/slurm.conf" 0644 root:root <<EOF
# Written by infra/slurm/up.sh (Tessera's single-node development cluster). Edits are overwritten.
ClusterName=$SLURM_CLUSTER
SlurmctldHost=$NODE
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$SLURM_JWT_KEY
StateSaveLocation=$SLURM_STATE
SlurmdSpoolDir=$SLURM_SPOOL_D
SlurmctldPidFile=$SLURM_RUN/slurmctld.pid
SlurmdPidFile=$SLURM_RUN/slurmd.pid
SlurmctldLogFile=$SLURM_LOGS/slurmctld.log
SlurmdLogFile=$SLURM_LOGS/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# No cgroups here: processes are tracked through /proc and tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=30
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Finished jobs stay visible to the REST job endpoint for five minutes; history is in slurmdbd.
MinJobAge=300
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStorageEnforce=associations,limits,qos,safe
AccountingStorageTRES=gres/gpu,gres/gpu:h100
# Job comments (which carry the Tessera workload id) are kept in accounting too.
AccountingStoreFlags=job_comment
# GPU usage (GrpTRESMins) is only accrued with the multifactor priority plugin.
PriorityType=priority/multifactor
JobCompType=jobcomp/none
# No mail on this machine; the default MailProg is missing and logs an error at every start.
MailProg=/bin/true
GresTypes=gpu
NodeName=$NODE CPUs=$cpus RealMemory=$real_memory_mb Gres=gpu:h100:4 State=UNKNOWN
# Up to four jobs may share a core in the gpu partition, so the four GPUs (not this machine's
# few cores) bound how many GPU jobs run at once.
PartitionName=gpu Nodes=$NODE Default=YES MaxTime=INFINITE OverSubscribe=FORCE:4 State=UP
PartitionName=cpu Nodes=$NODE Default=NO MaxTime=INFINITE State=UP
EOF

write_config "$SLURM_ETC/gres.conf" 0644 root:root <<EOF
# Written by infra/slurm/up.sh: four fake H100s (character devices, major 195).
AutoDetect=off
NodeName=$NODE Name=gpu Type=h100 File=$FAKE_GPU_DIR/nvidia[0-3]
EOF

write_config "$SLURM_ETC/slurmdbd.conf" 0600 slurm:slurm <<EOF
# Written by infra/slurm/up.sh. Holds the database password: keep mode 600, owner slurm.
AuthType=auth/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$SLURM_JWT_KEY
DbdHost=localhost
DbdPort=6819
SlurmUser=slurm
DebugLevel=info
LogFile=$SLURM_LOGS/slurmdbd.log
PidFile=$SLURM_RUN/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=3306
StorageUser=slurm
StoragePass=$db_pass
StorageLoc=slurm_acct_db
EOF

if [ "${#config_changed[@]}" -eq 0 ]; then
  slurm_note "configuration unchanged"
else
  slurm_note "wrote ${config_changed[*]}"
fi
phase_done "configuration"

# ---------------------------------------------------------------------------------------------
# Starting a daemon records a marker so that down.sh stops only what this script started.
mark_started() {
  slurm_pidfile "$1" >"$SLURM_STARTED/$1"
  slurm_note "started $1 (log: $(slurm_logfile "$1"))"
}

# A running daemon keeps its old configuration: restart the ones whose files changed.
restart_if_changed() {
  local file="$1"
  shift
  local changed name
  for changed in "${config_changed[@]}"; do
    if [ "$changed" = "$file" ]; then
      for name in "$@"; do
        if slurm_is_running "$name"; then
          slurm_note "$file changed: restarting $name"
          slurm_stop_by_pidfile "$name"
        fi
      done
    fi
  done
}
restart_if_changed slurmdbd.conf slurmdbd
restart_if_changed slurm.conf slurmrestd slurmd slurmctld
restart_if_changed gres.conf slurmd slurmctld
phase_done "restarts"

slurm_say "munged"
if slurm_is_running munged; then
  slurm_note "already running"
else
  without_lock start-stop-daemon --start --quiet --chuid munge --exec /usr/sbin/munged -- \
    --pid-file=/run/munge/munged.pid --log-file=/var/log/munge/munged.log
  mark_started munged
fi
munge_roundtrip() { munge -n | unmunge; }
slurm_wait_for munged 20 munge_roundtrip
phase_done "munged"

# ---------------------------------------------------------------------------------------------
slurm_say "MariaDB"
# An existing server on 127.0.0.1:3306 (root, empty password) is reused; a fresh one started by
# this script authenticates root through the socket instead.
sql() {
  if mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -uroot -e 'SELECT 1' </dev/null >/dev/null 2>&1; then
    mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -uroot "$@"
  else
    mariadb --protocol=socket -uroot "$@"
  fi
}
mariadb_up() { sql -N -e 'SELECT 1'; }
if mariadb_up >/dev/null 2>&1; then
  slurm_note "reusing the server on 127.0.0.1:3306"
elif pgrep -x mariadbd >/dev/null || pgrep -x mysqld >/dev/null; then
  slurm_die "a MariaDB server is running, but root cannot connect without a password over 127.0.0.1:3306 or /run/mysqld/mysqld.sock; make one of those work (or stop that server) and run again"
else
  install -d -o mysql -g mysql -m 0755 /run/mysqld
  if [ ! -d /var/lib/mysql/mysql ]; then
    slurm_note "initialising /var/lib/mysql"
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db \
      >"$SLURM_LOGS/mariadb-install-db.log" 2>&1 ||
      slurm_die "mariadb-install-db failed (log: $SLURM_LOGS/mariadb-install-db.log)"
  fi
  touch "$SLURM_LOGS/mariadbd.log"
  chown mysql:mysql "$SLURM_LOGS/mariadbd.log"
  without_lock start-stop-daemon --start --quiet --background --pidfile /run/mysqld/mysqld.pid \
    --exec /usr/sbin/mariadbd -- \
    --user=mysql --bind-address=127.0.0.1 --port=3306 --pid-file=/run/mysqld/mysqld.pid \
    --socket=/run/mysqld/mysqld.sock --log-error="$SLURM_LOGS/mariadbd.log"
  mark_started mariadbd
  slurm_wait_for mariadbd 60 mariadb_up
fi
# The slurm user connects over TCP to 127.0.0.1; with skip-name-resolve that host must be
# spelt out, and 'localhost' covers socket connections.
sql <<EOF
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY '$db_pass';
CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '$db_pass';
ALTER USER 'slurm'@'127.0.0.1' IDENTIFIED BY '$db_pass';
ALTER USER 'slurm'@'localhost' IDENTIFIED BY '$db_pass';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';
EOF
phase_done "MariaDB"

# ---------------------------------------------------------------------------------------------
slurm_say "slurmdbd"
if slurm_is_running slurmdbd; then
  slurm_note "already running"
else
  without_lock slurmdbd 2>>"$(slurm_logfile slurmdbd)"
  mark_started slurmdbd
fi
# slurmdbd creates its tables on first start, which takes a while.
dbd_up() { timeout 10 sacctmgr -n -P list cluster format=cluster; }
slurm_wait_for slurmdbd 90 dbd_up
phase_done "slurmdbd"

slurm_say "Accounting"
if sacctmgr -n -P list cluster format=cluster | grep -qx "$SLURM_CLUSTER"; then
  slurm_note "cluster $SLURM_CLUSTER registered"
else
  sacctmgr -i add cluster "$SLURM_CLUSTER" >/dev/null
  slurm_note "registered cluster $SLURM_CLUSTER"
fi
if sacctmgr -n -P list account tessera format=account | grep -qx tessera; then
  slurm_note "account tessera exists"
else
  sacctmgr -i add account tessera cluster="$SLURM_CLUSTER" \
    description="Parent of every Tessera organisation" organization=tessera >/dev/null
  slurm_note "created parent account tessera"
fi
phase_done "accounting"

# ---------------------------------------------------------------------------------------------
slurm_say "slurmctld"
if slurm_is_running slurmctld; then
  slurm_note "already running"
else
  without_lock slurmctld 2>>"$(slurm_logfile slurmctld)"
  mark_started slurmctld
fi
ctld_up() { scontrol ping | grep -q 'is UP'; }
slurm_wait_for slurmctld 30 ctld_up
phase_done "slurmctld"

slurm_say "slurmd"
if slurm_is_running slurmd; then
  slurm_note "already running"
else
  without_lock slurmd 2>>"$(slurm_logfile slurmd)"
  mark_started slurmd
fi
node_state() { sinfo -h -N -n "$NODE" -o '%t' | head -n 1; }
node_ready() {
  local state
  state="$(node_state)"
  case "$state" in idle | mix | alloc) return 0 ;; *) return 1 ;; esac
}
# A node drained by an earlier, broken configuration stays down until resumed.
case "$(node_state)" in
  drain* | down* | drng*)
    slurm_note "node $NODE is $(node_state); resuming it"
    scontrol update nodename="$NODE" state=resume || true
    ;;
esac
slurm_wait_for slurmd 40 node_ready
phase_done "slurmd"

# ---------------------------------------------------------------------------------------------
slurm_say "slurmrestd"
if slurm_is_running slurmrestd; then
  slurm_note "already running"
else
  log="$(slurm_logfile slurmrestd)"
  touch "$log"
  chown "$SLURM_REST_USER:$SLURM_REST_USER" "$log"
  # SLURM_JWT=daemon: slurmrestd forwards each request's token instead of using munge itself.
  SLURM_JWT=daemon without_lock start-stop-daemon --start --quiet --background --make-pidfile \
    --pidfile "$(slurm_pidfile slurmrestd)" --chuid "$SLURM_REST_USER" --output "$log" \
    --exec /usr/sbin/slurmrestd -- \
    -a rest_auth/jwt -s openapi/v0.0.38,openapi/dbv0.0.38 "$SLURM_REST_ADDR"
  mark_started slurmrestd
fi
# A bare TCP connect: an HTTP probe without a token would log an authentication error.
rest_listening() { (exec 3<>"/dev/tcp/${SLURM_REST_ADDR%:*}/${SLURM_REST_ADDR##*:}"); }
slurm_wait_for slurmrestd 30 rest_listening
phase_done "slurmrestd"

# ---------------------------------------------------------------------------------------------
slurm_say "Verifying"
printf '    sinfo: '
sinfo -h -N -n "$NODE" -o '%N %P %t %G'| tr '\n' ' '
echo

verify_out="$(mktemp -d /tmp/tessera-slurm-verify.XXXXXX)"
job_id="$(sbatch --parsable --wrap 'echo ok' -p gpu --gres=gpu:h100:1 -J tessera-verify \
  --chdir "$verify_out" -o "$verify_out/%j.out")" || slurm_die "sbatch was rejected"
job_id="${job_id%%;*}"
job_recorded() {
  [ "$(sacct -n -X -P -j "$job_id" -o State | head -n 1)" = COMPLETED ]
}
deadline=$((SECONDS + 60))
until job_recorded; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    sacct -X -j "$job_id" -o JobID,State,ExitCode,Reason%30 >&2 || true
    scontrol show job "$job_id" >&2 || true
    slurm_die "verification job $job_id did not complete and reach accounting within 60s (logs: $SLURM_LOGS/slurmctld.log, $SLURM_LOGS/slurmd.log)"
  fi
  sleep 0.5
done
[ "$(cat "$verify_out/$job_id.out" 2>/dev/null)" = ok ] ||
  slurm_die "job $job_id completed but its output is not 'ok' (see $verify_out)"
rm -rf "$verify_out"
slurm_note "job $job_id (gpu:h100:1) completed and is in sacct"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# An HS256 token over the cluster key, built the way any client (the Tessera worker) builds it.
mint_jwt() {
  local user="$1" now header payload hexkey signature
  now="$(date +%s)"
  header="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)"
  payload="$(printf '{"exp":%d,"iat":%d,"sun":"%s"}' "$((now + 300))" "$now" "$user" | b64url)"
  hexkey="$(od -An -tx1 -v "$SLURM_JWT_KEY" | tr -d ' \n')"
  signature="$(printf '%s.%s' "$header" "$payload" |
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
token="$(mint_jwt root)"
for path in /slurm/v0.0.38/diag /slurmdb/v0.0.38/jobs; do
  code="$(curl -s -o /tmp/tessera-slurm-rest.json -w '%{http_code}' \
    -H "X-SLURM-USER-NAME: root" -H "X-SLURM-USER-TOKEN: $token" "$SLURM_REST_URL$path")" || code=000
  if [ "$code" != 200 ]; then
    head -c 2000 /tmp/tessera-slurm-rest.json >&2 2>/dev/null || true
    slurm_die "GET $path answered $code, expected 200 (log: $(slurm_logfile slurmrestd))"
  fi
  slurm_note "GET $path -> 200"
done
rm -f /tmp/tessera-slurm-rest.json
phase_done "verification"

# ---------------------------------------------------------------------------------------------
slurm_say "Portal registration"
repo_root="$(cd "$here/../.." && pwd)"
register_hint="register it with: DATABASE_URL=<the Tessera database> pnpm slurm:register [jurisdiction]"
# Under sudo the repository's own Node (infra/bootstrap.sh puts it in .tools) is not on PATH.
register() {
  PATH="$repo_root/.tools/node_modules/.bin:$PATH" \
    "$repo_root/node_modules/.bin/tsx" "$repo_root/packages/drivers/scripts/register-slurm-cluster.ts" "$@"
}
if [ -z "${DATABASE_URL:-}" ]; then
  slurm_note "DATABASE_URL is not set, so the portal does not know this cluster yet; $register_hint"
elif [ ! -x "$repo_root/node_modules/.bin/tsx" ]; then
  slurm_note "the repository's dependencies are not installed (pnpm install); then $register_hint"
elif ! check="$(register --check 2>&1)"; then
  slurm_note "not registered in the portal: $check"
  slurm_note "$register_hint"
else
  registered=0
  output="$(register 2>&1)" || registered=$?
  printf '%s\n' "$output" | sed 's/^/    /'
  [ "$registered" -eq 0 ] || slurm_note "registration failed; $register_hint"
fi
phase_done "registration"

slurm_note "ready in $((SECONDS - started_at))s"
echo "SLURM_READY url=$SLURM_REST_URL key=$SLURM_JWT_KEY cluster=$SLURM_CLUSTER partition=gpu gres=gpu:h100"
