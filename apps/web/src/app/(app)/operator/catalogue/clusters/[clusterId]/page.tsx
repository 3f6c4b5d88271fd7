import type { Metadata } from "next";
import { Alert, Card, PageHeader, Td, Th } from "@tessera/ui";
import { countsTokens, isClusterConnected, platformRolesMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { ClusterBadge } from "@/components/programmes/badges";
import { ClusterForm } from "@/components/programmes/catalogue-forms";
import { jurisdictionLabel } from "@/components/programmes/cluster-checks";
import {
  ClusterResourceForm,
  RemoveResourceButton,
} from "@/components/programmes/cluster-resource-forms";
import { CapacityUse } from "@/components/programmes/capacity-use";
import { programmeRoutes } from "@/components/programmes/paths";
import type { ClusterResource } from "@/components/programmes/types";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadCluster } from "@/server/catalogue";
import { requireUser } from "@/server/session";
import { ScrollTable } from "@/components/programmes/scroll-table";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ clusterId: string }>;
}): Promise<Metadata> {
  const result = await loadCluster((await params).clusterId);
  return { title: result.allowed ? result.data.name : tp.catalogue.title };
}

function Mapping({ kind, resource }: { kind: string; resource: ClusterResource }) {
  const c = tp.catalogue;
  if (kind === "SLURM")
    return (
      <span className="font-mono text-sm">
        {c.partition} {resource.slurmPartition ?? "—"}
        {resource.slurmGres ? ` · ${c.gres} ${resource.slurmGres}` : ""}
      </span>
    );
  if (kind === "KUBERNETES") {
    const selector = Object.entries((resource.k8sNodeSelector ?? {}) as Record<string, string>);
    return (
      <span className="font-mono text-sm">
        {c.k8sResource} {resource.k8sResourceName ?? "—"}
        {selector.length ? (
          <span className="block">
            {c.nodeSelector}: {selector.map(([label, value]) => `${label}=${value}`).join(", ")}
          </span>
        ) : null}
      </span>
    );
  }
  return <span className="text-fg-muted">{c.noMapping}</span>;
}

export default async function ClusterPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  const user = await requireUser();
  const c = tp.catalogue;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: c.title, href: programmeRoutes.catalogue },
  ];
  const result = await loadCluster(clusterId);
  if (!result.allowed) {
    return <ForbiddenPage crumbs={crumbs} invalid={result.invalid} />;
  }
  const cluster = result.data;
  const connected = isClusterConnected(cluster);
  const canManage = platformRolesMay(user.platformRoles, "catalogue.manage");
  const classes = canManage
    ? await load((api) => api.catalogue.resourceClasses.list({ limit: 100 }))
    : { items: [] };

  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: cluster.code }]} />
      <PageHeader
        title={cluster.name}
        meta={<ClusterBadge active={cluster.active} connected={connected} />}
        description={`${cluster.code} · ${tp.clusterKinds[cluster.kind] ?? cluster.kind} · ${cluster.region} · ${jurisdictionLabel(cluster.jurisdiction)}`}
      />
      <div className="space-y-6">
        {cluster.active && !connected ? (
          <Alert tone="warning" title={tp.status.notConnectedTitle}>
            {tp.status.notConnectedBody}
          </Alert>
        ) : null}
        <Card title={c.resourcesTitle}>
          <div className="space-y-6">
            <p className="text-sm text-fg-muted">{c.resourcesLead}</p>
            {cluster.resources.length === 0 ? (
              <p className="text-fg-muted">{c.noResources}</p>
            ) : (
              <ScrollTable caption={c.resourcesCaption}>
                <thead>
                  <tr>
                    <Th>{c.resourceClass}</Th>
                    <Th className="text-right">{c.capacity}</Th>
                    <Th>{c.inUseNow}</Th>
                    <Th>{c.mapping}</Th>
                    {canManage ? (
                      <Th>
                        <span className="sr-only">{c.remove}</span>
                      </Th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {cluster.resources.map((resource) => (
                    <tr key={resource.id} data-testid={`resource-${resource.resourceClass.code}`}>
                      <Td>
                        <span className="font-semibold">{resource.resourceClass.name}</span>
                        <span className="block font-mono text-xs text-fg-muted">
                          {resource.resourceClass.code}
                        </span>
                      </Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {c.capacityOf(resource.capacity, resource.resourceClass.unit)}
                        {resource.unitsPerNode ? (
                          <span className="block text-xs text-fg-muted">
                            {c.perNode(resource.unitsPerNode, resource.resourceClass.unit)}
                          </span>
                        ) : null}
                      </Td>
                      <Td>
                        <CapacityUse
                          inUse={resource.inUse}
                          capacity={resource.capacity}
                          unit={resource.resourceClass.unit}
                        />
                      </Td>
                      <Td>
                        <Mapping kind={cluster.kind} resource={resource} />
                      </Td>
                      {canManage ? (
                        <Td>
                          <RemoveResourceButton
                            clusterId={cluster.id}
                            resourceClassId={resource.resourceClassId}
                            code={resource.resourceClass.code}
                          />
                        </Td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
            {canManage ? (
              <section
                aria-labelledby="set-resource-heading"
                className="space-y-3 border-t border-line pt-4"
              >
                <h3 id="set-resource-heading" className="font-semibold">
                  {c.setResource}
                </h3>
                <ClusterResourceForm
                  clusterId={cluster.id}
                  clusterKind={cluster.kind}
                  classes={classes.items.filter((rc) => !countsTokens(rc.kind))}
                  resources={cluster.resources}
                />
              </section>
            ) : null}
          </div>
        </Card>
        {canManage ? (
          <Card title={c.clusterDetails}>
            <ClusterForm existing={cluster} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
