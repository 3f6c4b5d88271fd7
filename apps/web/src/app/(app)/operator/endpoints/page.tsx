import type { Metadata } from "next";
import { Card, Td, Th } from "@tessera/ui";
import { EndpointBadge, EndpointReason } from "@/components/endpoints/badges";
import { ShareEndpointButton } from "@/components/endpoints/share-endpoint-button";
import { ForbiddenPage } from "@/components/forbidden-page";
import { PlatformPage } from "@/components/platform-page";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatDateTime, te, tp } from "@/i18n";
import { load } from "@/server/api";
import { platformPageAccess } from "@/server/platform-page";

export const metadata: Metadata = { title: te.clusters.title };

export default async function ClusterEndpointsPage() {
  const c = te.clusters;
  const l = te.list;
  const { crumbs, mayRead, canManage } = await platformPageAccess(
    c.title,
    "operations.read",
    "endpoints.share",
  );
  if (!mayRead) return <ForbiddenPage crumbs={crumbs} title={c.title} />;
  const groups = await load((api) => api.operations.endpoints());

  return (
    <PlatformPage crumbs={crumbs} title={c.title} lead={c.lead} readOnlyNote={null}>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
          {c.empty}
        </p>
      ) : null}
      {groups.map((group) => (
        <Card
          key={group.cluster.code}
          title={group.cluster.name}
          actions={<span className="text-sm text-fg-muted">{c.count(group.endpoints.length)}</span>}
        >
          <div className="space-y-3" data-testid={`cluster-${group.cluster.code}`}>
            <p className="text-sm text-fg-muted">
              <span className="font-mono">{group.cluster.code}</span> ·{" "}
              {c.kind(
                tp.clusterKinds[group.cluster.kind] ?? group.cluster.kind,
                group.cluster.jurisdiction,
              )}
            </p>
            <ScrollTable caption={c.caption(group.cluster.name)} stickyFirstColumn>
              <thead>
                <tr>
                  <Th>{l.name}</Th>
                  <Th>{c.organisation}</Th>
                  <Th>{l.model}</Th>
                  <Th>{l.status}</Th>
                  <Th>{l.hardware}</Th>
                  <Th>{c.shared}</Th>
                </tr>
              </thead>
              <tbody>
                {group.endpoints.map((endpoint) => (
                  <tr key={endpoint.id} data-testid={`cluster-endpoint-${endpoint.id}`}>
                    {/* Replicas go under the status and the creation date under the name, so
                        that every column, hardware included, fits beside a laptop's sidebar. */}
                    <Td className="min-w-40 max-w-48 sm:max-w-none">
                      <span className="block font-semibold wrap-anywhere">{endpoint.name}</span>
                      {endpoint.externalId ? (
                        <span className="block break-all font-mono text-xs text-fg-muted">
                          {endpoint.externalId}
                        </span>
                      ) : null}
                      <span className="mt-1 block text-xs text-fg-muted">
                        {l.created}{" "}
                        <time dateTime={endpoint.createdAt.toISOString()}>
                          {formatDateTime(endpoint.createdAt)}
                        </time>
                      </span>
                    </Td>
                    <Td className="min-w-32">{endpoint.organization.name}</Td>
                    <Td className="min-w-40 break-all font-mono text-sm">{endpoint.model}</Td>
                    <Td className="min-w-40">
                      <EndpointBadge status={endpoint.status} />
                      <EndpointReason status={endpoint.status} reason={endpoint.statusReason} />
                      <span className="mt-1 block text-sm tabular-nums">
                        {l.replicas}:{" "}
                        {l.replicasReady(endpoint.readyReplicas, endpoint.desiredReplicas)}
                      </span>
                    </Td>
                    <Td className="min-w-36">
                      {l.perReplica(endpoint.unitsPerReplica, endpoint.resourceClass.name)}
                    </Td>
                    <Td className="min-w-44">
                      <div data-testid="endpoint-sharing">
                        <span className="block text-sm">
                          {endpoint.shared && endpoint.tokenTier
                            ? c.sharing.sharedWith(endpoint.tokenTier.name)
                            : endpoint.tokenTier
                              ? c.sharing.private
                              : c.sharing.noTier}
                        </span>
                        {canManage && (endpoint.tokenTier || endpoint.shared) ? (
                          <span className="mt-1 block">
                            <ShareEndpointButton
                              endpointId={endpoint.id}
                              name={endpoint.name}
                              shared={endpoint.shared}
                              tier={endpoint.tokenTier?.name ?? endpoint.model}
                            />
                          </span>
                        ) : null}
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </div>
        </Card>
      ))}
    </PlatformPage>
  );
}
