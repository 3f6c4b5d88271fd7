import type { Metadata } from "next";
import Link from "next/link";
import { Card, Td, Th } from "@tessera/ui";
import { countsTokens, isClusterConnected, pricedUnitName } from "@tessera/core";
import { Forbidden } from "@/components/forbidden";
import { ForbiddenPage } from "@/components/forbidden-page";
import { PlatformPage } from "@/components/platform-page";
import { Pagination } from "@/components/pagination";
import { ActiveBadge, ClusterBadge } from "@/components/programmes/badges";
import { ClusterForm, ResourceClassForm } from "@/components/programmes/catalogue-forms";
import { jurisdictionLabel } from "@/components/programmes/cluster-checks";
import { formatMoney } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { retiredClustersToggle } from "@/components/programmes/retired-toggle";
import { tp } from "@/i18n";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { platformPageAccess } from "@/server/platform-page";
import { ScrollTable } from "@/components/programmes/scroll-table";

export const metadata: Metadata = { title: tp.catalogue.title };

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const includeInactive = param(query.retired) === "show";
  // Retired clusters are hidden unless asked for, on their own toggle (not the classes').
  const showRetiredClusters = param(query.retiredClusters) === "show";
  const classCursor = param(query.classes);
  const clusterCursor = param(query.clusters);
  const c = tp.catalogue;
  const { crumbs, mayRead, canManage } = await platformPageAccess(
    c.title,
    "catalogue.read",
    "catalogue.manage",
  );
  if (!mayRead) return <ForbiddenPage crumbs={crumbs} title={c.title} />;
  const [classes, clusters] = await Promise.all([
    loadIfAllowed((api) =>
      api.catalogue.resourceClasses.list({ includeInactive, cursor: classCursor, limit: 25 }),
    ),
    loadIfAllowed((api) =>
      api.catalogue.clusters.list({
        includeInactive: showRetiredClusters,
        cursor: clusterCursor,
        limit: 25,
      }),
    ),
  ]);
  const base = programmeRoutes.catalogue;
  const state = {
    retired: includeInactive ? "show" : undefined,
    retiredClusters: showRetiredClusters ? "show" : undefined,
  };
  // The classes' toggle keeps the clusters' toggle and page as they are.
  const classesQuery = new URLSearchParams({
    ...(includeInactive ? {} : { retired: "show" }),
    ...(showRetiredClusters ? { retiredClusters: "show" } : {}),
    ...(clusterCursor ? { clusters: clusterCursor } : {}),
  }).toString();
  const classesHref = classesQuery ? `${base}?${classesQuery}` : base;
  const retiredToggle = (
    <Link href={classesHref} className="text-sm font-semibold text-link underline">
      {includeInactive ? c.hideRetired : c.showRetired}
    </Link>
  );
  const clustersToggle = clusters.allowed
    ? retiredClustersToggle(
        base,
        { ...state, classes: classCursor },
        showRetiredClusters,
        clusters.data.retiredCount,
      )
    : null;

  return (
    <PlatformPage
      crumbs={crumbs}
      title={c.title}
      lead={c.lead}
      readOnlyNote={canManage ? null : c.readOnly}
    >
      <Card title={c.classesTitle} actions={retiredToggle}>
        <div className="space-y-6">
          {!classes.allowed ? (
            <Forbidden invalid={classes.invalid} />
          ) : classes.data.items.length === 0 && !classCursor ? (
            <p className="text-fg-muted">{c.emptyClasses}</p>
          ) : (
            <ScrollTable caption={c.classesCaption}>
              <thead>
                <tr>
                  <Th>{c.code}</Th>
                  <Th>{c.name}</Th>
                  <Th>{c.kind}</Th>
                  <Th>{c.unit}</Th>
                  <Th className="text-right">{c.price}</Th>
                  <Th className="text-right">{c.power}</Th>
                  <Th>{c.status}</Th>
                  {canManage ? (
                    <Th>
                      <span className="sr-only">{c.edit}</span>
                    </Th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {classes.data.items.map((rc) => (
                  <tr key={rc.id} data-testid={`class-${rc.code}`}>
                    <Td className="font-mono">{rc.code}</Td>
                    <Td>{rc.name}</Td>
                    <Td>{tp.resourceKinds[rc.kind] ?? rc.kind}</Td>
                    <Td>{rc.unit}</Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      {formatMoney(rc.listPriceMinorPerHour, rc.currency)}
                      <span className="block text-sm text-fg-muted">
                        {c.pricePer(pricedUnitName(rc))}
                      </span>
                    </Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      {countsTokens(rc.kind) ? (
                        <span className="text-fg-muted">{c.noPower}</span>
                      ) : (
                        c.watts(rc.powerDrawWatts)
                      )}
                    </Td>
                    <Td>
                      <ActiveBadge active={rc.active} />
                    </Td>
                    {canManage ? (
                      <Td>
                        <Link
                          href={programmeRoutes.resourceClass(rc.id)}
                          className="text-link underline"
                          aria-label={c.editLabel(rc.code)}
                        >
                          {c.edit}
                        </Link>
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          {classes.allowed ? (
            <Pagination
              basePath={base}
              params={{ ...state, clusters: clusterCursor }}
              cursor={classCursor}
              nextCursor={classes.data.nextCursor}
            />
          ) : null}
          {canManage ? (
            <section
              aria-labelledby="new-class-heading"
              className="space-y-3 border-t border-line pt-4"
            >
              <h3 id="new-class-heading" className="font-semibold">
                {c.newClass}
              </h3>
              <ResourceClassForm />
            </section>
          ) : null}
        </div>
      </Card>

      <Card
        title={c.clustersTitle}
        actions={
          clustersToggle ? (
            <Link
              href={clustersToggle.href}
              className="text-sm font-semibold text-link underline"
              data-testid="retired-clusters-toggle"
            >
              {clustersToggle.label}
            </Link>
          ) : null
        }
      >
        {!clusters.allowed ? (
          <Forbidden invalid={clusters.invalid} />
        ) : (
          <div className="space-y-6">
            {clusters.data.items.length === 0 && !clusterCursor ? (
              <p className="text-fg-muted">{c.emptyClusters}</p>
            ) : (
              <ScrollTable caption={c.clustersCaption}>
                <thead>
                  <tr>
                    <Th>{c.code}</Th>
                    <Th>{c.kind}</Th>
                    <Th>{c.region}</Th>
                    <Th>{c.jurisdiction}</Th>
                    <Th>{c.capacity}</Th>
                    <Th>{c.status}</Th>
                  </tr>
                </thead>
                <tbody>
                  {clusters.data.items.map((cluster) => (
                    <tr key={cluster.id} data-testid={`cluster-${cluster.code}`}>
                      <Td>
                        <Link
                          href={programmeRoutes.cluster(cluster.id)}
                          className="font-mono font-semibold text-link underline"
                        >
                          {cluster.code}
                        </Link>
                        <span className="block text-fg-muted">{cluster.name}</span>
                      </Td>
                      <Td>{tp.clusterKinds[cluster.kind] ?? cluster.kind}</Td>
                      <Td>{cluster.region}</Td>
                      <Td>{jurisdictionLabel(cluster.jurisdiction)}</Td>
                      <Td>
                        {cluster.resources.length === 0 ? (
                          <span className="text-fg-muted">{c.noResources}</span>
                        ) : (
                          <ul className="space-y-0.5">
                            {cluster.resources.map((resource) => (
                              <li key={resource.id} className="whitespace-nowrap">
                                <span className="font-mono">{resource.resourceClass.code}</span>:{" "}
                                {c.capacityOf(resource.capacity, resource.resourceClass.unit)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </Td>
                      <Td>
                        <ClusterBadge
                          active={cluster.active}
                          connected={isClusterConnected(cluster)}
                        />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
            <Pagination
              basePath={base}
              params={{ ...state, classes: classCursor }}
              cursor={clusterCursor}
              nextCursor={clusters.data.nextCursor}
            />
            {canManage ? (
              <section
                aria-labelledby="new-cluster-heading"
                className="space-y-3 border-t border-line pt-4"
              >
                <h3 id="new-cluster-heading" className="font-semibold">
                  {c.newCluster}
                </h3>
                <ClusterForm />
              </section>
            ) : null}
          </div>
        )}
      </Card>
    </PlatformPage>
  );
}
