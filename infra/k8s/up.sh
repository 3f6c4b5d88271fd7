#!/usr/bin/env bash
# Brings up a real Kubernetes control plane on this machine for the Kubernetes driver's
# development and tests: etcd, kube-apiserver (TLS, RBAC), kube-controller-manager and
# kube-scheduler built from source at the versions pinned in lib.sh (infra/k8s/build.sh, cached
# outside the repository), and four simulated GPU and CPU nodes run by kwok, so that pods are
# scheduled and become Ready with no kubelet and no container runtime. The worker talks to it as
# the ServiceAccount tessera-system/tessera-worker, bound to a ClusterRole scoped to what the
# driver does. Idempotent: what runs with the same flags is kept; state survives down.sh. When
# DATABASE_URL names a reachable Tessera database, the cluster is registered in the portal
# (pnpm k8s:register). The last line of output, for callers to parse, is
#   K8S_READY server=… kubeconfig=…
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

started_at=$SECONDS
mkdir -p "$K8S_HOME" "$K8S_PKI" "$K8S_LOGS" "$K8S_RUN"
exec 9>"$K8S_RUN/up.lock"
flock -w 3600 9 || k8s_die "another infra/k8s/up.sh has held $K8S_RUN/up.lock for an hour"

# ---------------------------------------------------------------------------------------------
k8s_say "Binaries (Kubernetes $K8S_VERSION, etcd $ETCD_VERSION, kwok $KWOK_VERSION)"
build_log="$K8S_LOGS/build.log"
if ! bash "$here/build.sh" 9>&- >"$build_log" 2>&1; then
  tail -n 30 "$build_log" >&2
  k8s_die "building the control plane failed (full log: $build_log)"
fi
bin="$(tail -n 1 "$build_log")"
[ "$bin" = "$K8S_BIN" ] || k8s_die "build.sh printed $bin, expected $K8S_BIN"
k8s_note "$(grep -E 'built in|cached in' "$build_log" | tail -n 1 | sed 's/^ *//')"

# ---------------------------------------------------------------------------------------------
k8s_say "Certificates"
pki() { echo "$K8S_PKI/$1"; }
if [ ! -s "$(pki ca.crt)" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=tessera-dev-k8s-ca" \
    -keyout "$(pki ca.key)" -out "$(pki ca.crt)" 2>/dev/null
  k8s_note "made a certificate authority"
fi
# A certificate signed by the CA: name, subject, and (for a server) its alternative names.
issue() {
  local name="$1" subject="$2" san="${3:-}" ext
  [ -s "$(pki "$name.crt")" ] && return 0
  ext="$(mktemp)"
  if [ -n "$san" ]; then
    printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$san" >"$ext"
  else
    printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >"$ext"
  fi
  openssl req -newkey rsa:2048 -nodes -subj "$subject" -keyout "$(pki "$name.key")" \
    -out "$(pki "$name.csr")" 2>/dev/null
  openssl x509 -req -in "$(pki "$name.csr")" -CA "$(pki ca.crt)" -CAkey "$(pki ca.key)" \
    -CAcreateserial -days 3650 -extfile "$ext" -out "$(pki "$name.crt")" 2>/dev/null
  rm -f "$ext" "$(pki "$name.csr")"
  k8s_note "issued $name ($subject)"
}
issue apiserver "/CN=kube-apiserver" \
  "IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
# The administrator (this script, and kwok, which plays every node's kubelet) is system:masters;
# the controllers have their own identities; the worker gets a ServiceAccount token below.
issue admin "/O=system:masters/CN=tessera-k8s-admin"
issue controller-manager "/CN=system:kube-controller-manager"
issue scheduler "/CN=system:kube-scheduler"
if [ ! -s "$(pki sa.key)" ]; then
  openssl genrsa -out "$(pki sa.key)" 2048 2>/dev/null
  openssl rsa -in "$(pki sa.key)" -pubout -out "$(pki sa.pub)" 2>/dev/null
  k8s_note "made the ServiceAccount signing key"
fi
chmod 600 "$K8S_PKI"/*.key

# A kubeconfig for this cluster: file, user name, and the user's credentials (YAML lines).
write_kubeconfig() {
  local file="$1" name="$2" credentials="$3" tmp
  tmp="$(mktemp)"
  cat >"$tmp" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
  - name: tessera-dev
    cluster:
      server: $K8S_SERVER
      certificate-authority: $(pki ca.crt)
users:
  - name: $name
    user:
$credentials
contexts:
  - name: $name@tessera-dev
    context: { cluster: tessera-dev, user: $name }
current-context: $name@tessera-dev
KUBECONFIG
  chmod 600 "$tmp"
  mv "$tmp" "$file"
}
# A kubeconfig for a client certificate.
cert_kubeconfig() {
  write_kubeconfig "$1" "$2" "      client-certificate: $(pki "$2.crt")
      client-key: $(pki "$2.key")"
}
cert_kubeconfig "$K8S_ADMIN_KUBECONFIG" admin
cert_kubeconfig "$K8S_HOME/controller-manager.kubeconfig" controller-manager
cert_kubeconfig "$K8S_HOME/scheduler.kubeconfig" scheduler

# ---------------------------------------------------------------------------------------------
# Starts a program unless it already runs with exactly these arguments (a changed flag or binary
# restarts it). Output goes to $K8S_LOGS/<name>.log.
start() {
  local name="$1" pid
  shift
  local args
  args="$(printf '%q ' "$@")"
  if pid="$(k8s_pid "$name")"; then
    if [ "$(cat "$K8S_RUN/$name.args" 2>/dev/null)" = "$args" ]; then
      k8s_note "$name already running (pid $pid)"
      return 0
    fi
    k8s_note "$name runs with other flags; restarting it"
    k8s_stop "$name"
  fi
  setsid nohup "$@" >>"$K8S_LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo "$!" >"$K8S_RUN/$name.pid"
  printf '%s' "$args" >"$K8S_RUN/$name.args"
  k8s_note "started $name (pid $!, log $K8S_LOGS/$name.log)"
}

# Polls a command until it succeeds; on timeout names the program and shows its log.
wait_for() {
  local name="$1" seconds="$2"
  shift 2
  local began=$SECONDS deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    # A program that exited fails at once (after a moment for it to exec).
    if [ "$SECONDS" -ge "$deadline" ] || { [ $((SECONDS - began)) -ge 2 ] && ! k8s_pid "$name" >/dev/null; }; then
      printf '\n--- last lines of %s ---\n' "$K8S_LOGS/$name.log" >&2
      tail -n 25 "$K8S_LOGS/$name.log" >&2 2>/dev/null || true
      k8s_die "$name did not come up within ${seconds}s (log: $K8S_LOGS/$name.log)"
    fi
    sleep 0.5
  done
}

# The API as the administrator: api METHOD PATH [content-type] (body on stdin for writes).
api() {
  local method="$1" path="$2" type="${3:-application/json}"
  local args=(-sS --fail-with-body --max-time 30 --cacert "$(pki ca.crt)" --cert "$(pki admin.crt)"
    --key "$(pki admin.key)" -X "$method" -H "Accept: application/json")
  if [ "$method" != GET ]; then args+=(-H "Content-Type: $type" --data-binary @-); fi
  curl "${args[@]}" "$K8S_SERVER$path"
}
# Server-side apply of one object (JSON on stdin) to the given path, as field manager tessera-up.
apply() {
  api PATCH "$1?fieldManager=tessera-up&force=true" application/apply-patch+yaml >/dev/null
}

# ---------------------------------------------------------------------------------------------
k8s_say "etcd"
start etcd "$K8S_BIN/etcd" --name tessera-dev --data-dir "$K8S_ETCD_DATA" \
  --listen-client-urls "http://127.0.0.1:$K8S_ETCD_CLIENT_PORT" \
  --advertise-client-urls "http://127.0.0.1:$K8S_ETCD_CLIENT_PORT" \
  --listen-peer-urls "http://127.0.0.1:$K8S_ETCD_PEER_PORT" \
  --initial-advertise-peer-urls "http://127.0.0.1:$K8S_ETCD_PEER_PORT" \
  --initial-cluster "tessera-dev=http://127.0.0.1:$K8S_ETCD_PEER_PORT" \
  --log-level warn --quota-backend-bytes 2147483648 \
  --unsafe-no-fsync
wait_for etcd 60 curl -sf "http://127.0.0.1:$K8S_ETCD_CLIENT_PORT/health"

k8s_say "kube-apiserver"
start kube-apiserver "$K8S_BIN/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$K8S_ETCD_CLIENT_PORT" \
  --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$K8S_APISERVER_PORT" \
  --tls-cert-file "$(pki apiserver.crt)" --tls-private-key-file "$(pki apiserver.key)" \
  --client-ca-file "$(pki ca.crt)" \
  --authorization-mode Node,RBAC --enable-admission-plugins NodeRestriction \
  --service-account-issuer https://kubernetes.default.svc.cluster.local \
  --service-account-key-file "$(pki sa.pub)" --service-account-signing-key-file "$(pki sa.key)" \
  --service-cluster-ip-range 10.96.0.0/16 --allow-privileged=false --profiling=false \
  --v 1
apiserver_ready() { api GET /readyz >/dev/null; }
wait_for kube-apiserver 120 apiserver_ready

k8s_say "kube-controller-manager and kube-scheduler"
start kube-controller-manager "$K8S_BIN/kube-controller-manager" \
  --kubeconfig "$K8S_HOME/controller-manager.kubeconfig" \
  --authentication-kubeconfig "$K8S_HOME/controller-manager.kubeconfig" \
  --authorization-kubeconfig "$K8S_HOME/controller-manager.kubeconfig" \
  --bind-address 127.0.0.1 --secure-port "$K8S_CONTROLLER_MANAGER_PORT" \
  --use-service-account-credentials --service-account-private-key-file "$(pki sa.key)" \
  --root-ca-file "$(pki ca.crt)" --leader-elect=false --profiling=false \
  --concurrent-deployment-syncs 10 --concurrent-replicaset-syncs 10 \
  --concurrent-resource-quota-syncs 10 --resource-quota-sync-period 30s --v 1
start kube-scheduler "$K8S_BIN/kube-scheduler" \
  --kubeconfig "$K8S_HOME/scheduler.kubeconfig" \
  --authentication-kubeconfig "$K8S_HOME/scheduler.kubeconfig" \
  --authorization-kubeconfig "$K8S_HOME/scheduler.kubeconfig" \
  --bind-address 127.0.0.1 --secure-port "$K8S_SCHEDULER_PORT" \
  --leader-elect=false --profiling=false --v 1
wait_for kube-controller-manager 60 curl -skf "https://127.0.0.1:$K8S_CONTROLLER_MANAGER_PORT/healthz"
wait_for kube-scheduler 60 curl -skf "https://127.0.0.1:$K8S_SCHEDULER_PORT/healthz"

k8s_say "Simulated nodes (kwok)"
start kwok "$K8S_BIN/kwok" --kubeconfig "$K8S_ADMIN_KUBECONFIG" --config "$here/kwok.yaml" \
  --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake --node-lease-duration-seconds 40 \
  --cidr 10.244.0.0/16

# name, pool, GPU product label (or ""), then resource=quantity pairs for capacity and
# allocatable. The catalogue's node selectors (pnpm k8s:register) find nodes by these labels.
node() {
  local name="$1" pool="$2" product="$3" resources="" labels pair
  shift 3
  for pair in "$@"; do resources+="\"${pair%%=*}\": \"${pair#*=}\","; done
  resources="{${resources%,}}"
  labels="\"type\": \"kwok\", \"tessera.io/simulated-node\": \"true\", \"kubernetes.io/hostname\": \"$name\", \"kubernetes.io/os\": \"linux\", \"kubernetes.io/arch\": \"amd64\", \"tessera.io/node-pool\": \"$pool\""
  if [ -n "$product" ]; then labels+=", \"nvidia.com/gpu.product\": \"$product\""; fi
  apply "/api/v1/nodes/$name" <<JSON
{"apiVersion": "v1", "kind": "Node",
 "metadata": {"name": "$name", "labels": {$labels},
   "annotations": {"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"}},
 "spec": {}}
JSON
  apply "/api/v1/nodes/$name/status" <<JSON
{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "$name"},
 "status": {"capacity": $resources, "allocatable": $resources}}
JSON
}
node kwok-h100-0 gpu-h100 NVIDIA-H100-80GB-HBM3 cpu=96 memory=1000Gi pods=110 nvidia.com/gpu=4
# An H100 node partitioned with MIG (mixed strategy): one GPU as seven 1g.10gb slices, two as
# two 3g.40gb slices each.
node kwok-h100-mig-0 gpu-h100-mig NVIDIA-H100-80GB-HBM3 cpu=96 memory=1000Gi pods=110 \
  nvidia.com/mig-1g.10gb=7 nvidia.com/mig-3g.40gb=4
node kwok-l40s-0 gpu-l40s NVIDIA-L40S cpu=64 memory=500Gi pods=110 nvidia.com/gpu=4
node kwok-cpu-0 cpu "" cpu=64 memory=256Gi pods=110
# A node is schedulable once Ready and rid of the not-ready taint the API server gives new nodes.
nodes_ready() {
  api GET "/api/v1/nodes?labelSelector=type%3Dkwok" | jq -e '
    (.items | length) >= 4 and all(.items[];
      ([.status.conditions[]? | select(.type == "Ready" and .status == "True")] | length) == 1
      and ([.spec.taints[]? | select(.key | startswith("node.kubernetes.io/"))] | length) == 0)'
}
wait_for kwok 90 nodes_ready
k8s_note "4 simulated nodes Ready"

# ---------------------------------------------------------------------------------------------
k8s_say "The worker's ServiceAccount and its ClusterRole"
for ns in tessera-system tessera-gateway; do
  apply "/api/v1/namespaces/$ns" <<JSON
{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "$ns",
  "labels": {"app.kubernetes.io/part-of": "tessera"}}}
JSON
done
apply /api/v1/namespaces/tessera-system/serviceaccounts/tessera-worker <<'JSON'
{"apiVersion": "v1", "kind": "ServiceAccount",
 "metadata": {"name": "tessera-worker", "namespace": "tessera-system"}}
JSON
# Exactly what the Kubernetes driver does: converge tenant namespaces and their quota, limits and
# network policies; apply, scale and delete endpoints' Deployments and Services; read pods and
# events to explain an endpoint's state. No secrets, no nodes, no RBAC, no cluster-wide writes
# beyond namespaces.
apply /apis/rbac.authorization.k8s.io/v1/clusterroles/tessera-worker <<'JSON'
{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
 "metadata": {"name": "tessera-worker"},
 "rules": [
  {"apiGroups": [""], "resources": ["namespaces"], "verbs": ["get", "list", "create", "patch"]},
  {"apiGroups": [""], "resources": ["resourcequotas", "limitranges"],
   "verbs": ["get", "list", "create", "patch"]},
  {"apiGroups": ["networking.k8s.io"], "resources": ["networkpolicies"],
   "verbs": ["get", "list", "create", "patch"]},
  {"apiGroups": ["apps"], "resources": ["deployments"],
   "verbs": ["get", "list", "watch", "create", "patch", "delete"]},
  {"apiGroups": ["apps"], "resources": ["deployments/scale"], "verbs": ["get", "patch"]},
  {"apiGroups": [""], "resources": ["services"],
   "verbs": ["get", "list", "create", "patch", "delete"]},
  {"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]},
  {"apiGroups": ["", "events.k8s.io"], "resources": ["events"], "verbs": ["get", "list"]}
 ]}
JSON
apply /apis/rbac.authorization.k8s.io/v1/clusterrolebindings/tessera-worker <<'JSON'
{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
 "metadata": {"name": "tessera-worker"},
 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "tessera-worker"},
 "subjects": [{"kind": "ServiceAccount", "name": "tessera-worker", "namespace": "tessera-system"}]}
JSON
# A long-lived token for the worker, kept in a Secret the token controller fills in.
apply /api/v1/namespaces/tessera-system/secrets/tessera-worker-token <<'JSON'
{"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token",
 "metadata": {"name": "tessera-worker-token", "namespace": "tessera-system",
   "annotations": {"kubernetes.io/service-account.name": "tessera-worker"}}}
JSON
token_ready() {
  api GET /api/v1/namespaces/tessera-system/secrets/tessera-worker-token | jq -e '.data.token | length > 0'
}
wait_for kube-controller-manager 60 token_ready
token="$(api GET /api/v1/namespaces/tessera-system/secrets/tessera-worker-token | jq -r .data.token | base64 -d)"
write_kubeconfig "$K8S_WORKER_KUBECONFIG" tessera-worker "      token: $token"

# The worker's token must be what it says: allowed to apply Deployments, refused secrets.
as_worker() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 --cacert "$(pki ca.crt)" \
    -H "Authorization: Bearer $token" "$K8S_SERVER$1"
}
[ "$(as_worker /apis/apps/v1/deployments)" = 200 ] || k8s_die "the worker's token cannot list Deployments"
[ "$(as_worker /api/v1/secrets)" = 403 ] || k8s_die "the worker's token can read Secrets; its role is too wide"
[ "$(as_worker /api/v1/nodes)" = 403 ] || k8s_die "the worker's token can read Nodes; its role is too wide"
k8s_note "worker token: Deployments allowed, Secrets and Nodes refused"

# ---------------------------------------------------------------------------------------------
k8s_say "Registration in the portal"
export PATH="$root/.tools/node_modules/.bin:$PATH"
if [ -z "${DATABASE_URL:-}" ]; then
  k8s_note "DATABASE_URL is not set; register later with: pnpm k8s:register"
elif ! command -v pnpm >/dev/null 2>&1 || [ ! -d "$root/node_modules" ]; then
  k8s_note "dependencies are not installed (source infra/bootstrap.sh); register later with: pnpm k8s:register"
elif check="$(cd "$root" && pnpm --silent k8s:register --check 2>&1)"; then
  (cd "$root" && pnpm --silent k8s:register) | sed 's/^/    /'
else
  k8s_note "not registered: $check"
fi

k8s_note "control plane ready in $((SECONDS - started_at))s"
echo "K8S_READY server=$K8S_SERVER kubeconfig=$K8S_WORKER_KUBECONFIG"
