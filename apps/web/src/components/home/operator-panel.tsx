"use client";

import Link from "next/link";
import { useState } from "react";
import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { ActiveBadge } from "@/components/programmes/badges";
import { CapacityUse, unitCount } from "@/components/programmes/capacity-use";
import { formatNumber } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { UsageBar } from "@/components/programmes/usage-bar";
import { formatDateTime, th } from "@/i18n";
import { routes } from "@/lib/paths";
import { clustersOnHome } from "./retired-clusters";
import { Stat } from "./stat";
import type { OperatorHome } from "./types";

/** An operator's part of the home page: capacity and use now, backlog, dead letters. */
export function OperatorPanel({ home }: { home: OperatorHome }) {
  const o = th.home.operator;
  // Retired clusters (listed only while work is still on them) wait behind a toggle.
  const [showRetired, setShowRetired] = useState(false);
  const { active, retired, toggle } = clustersOnHome(home.clusters, showRetired);
  const ops = home.operations;
  const waitingJobs =
    ops.jobsByStatus.ACCEPTED + ops.jobsByStatus.SUBMITTED + ops.jobsByStatus.PENDING;
  // The backlog is what is ready to run and not yet picked up; delayed entries are mostly the
  // scheduled sweeps' next runs, which are not work waiting.
  const queueWaiting = ops.queues.reduce((sum, queue) => sum + queue.waiting, 0);
  return (
    <section aria-labelledby="operator-heading" className="space-y-4" data-testid="operator-home">
      <h2 id="operator-heading" className="text-xl font-semibold">
        {o.heading}
      </h2>
      {home.clusters.length === 0 ? (
        <p className="text-fg-muted">{o.noClusters}</p>
      ) : (
        <>
          {active.map((cluster) => (
            <ClusterUse key={cluster.id} cluster={cluster} />
          ))}
          {toggle ? (
            <div className="space-y-4">
              <div>
                <button
                  type="button"
                  aria-expanded={showRetired}
                  aria-controls="retired-clusters"
                  aria-describedby="retired-clusters-hint"
                  onClick={() => setShowRetired((shown) => !shown)}
                  className="text-sm font-semibold text-link underline"
                >
                  {toggle}
                </button>
                <p id="retired-clusters-hint" className="text-sm text-fg-muted">
                  {o.retiredHint}
                </p>
              </div>
              <div id="retired-clusters" hidden={!showRetired} className="space-y-4">
                {retired.map((cluster) => (
                  <ClusterUse key={cluster.id} cluster={cluster} />
                ))}
              </div>
            </div>
          ) : null}
        </>
      )}
      <h3 className="text-lg font-semibold">{o.backlog}</h3>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label={o.waitingJobs} value={waitingJobs} testId="waiting-jobs" />
        <Stat label={o.outbox} value={ops.outbox.undispatched} testId="outbox-backlog" />
        <Stat
          label={o.queueWaiting}
          value={home.queuesReachable ? queueWaiting : "—"}
          testId="queue-waiting"
        />
        <Stat
          label={o.deadLetters}
          value={ops.unresolvedDeadLetters}
          href={routes.operations}
          testId="dead-letters"
        />
      </dl>
      {home.queuesReachable ? null : (
        <p className="text-sm text-warning-fg">{o.queuesUnreachable}</p>
      )}
      {ops.outbox.oldestUndispatchedAt ? (
        <p className="text-sm text-fg-muted">
          {o.oldest(formatDateTime(ops.outbox.oldestUndispatchedAt))}
        </p>
      ) : null}
    </section>
  );
}

type ClusterOfHome = OperatorHome["clusters"][number];

/** One cluster's capacity and use now, per resource class. */
function ClusterUse({ cluster }: { cluster: ClusterOfHome }) {
  const o = th.home.operator;
  return (
    <div className="space-y-2">
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        <Link href={programmeRoutes.cluster(cluster.id)} className="text-link underline">
          {cluster.name}
        </Link>
        <span className="font-mono text-xs text-fg-muted">{cluster.code}</span>
        {cluster.active ? null : <ActiveBadge active={false} />}
      </h3>
      {cluster.classes.length === 0 ? (
        <p className="text-sm text-fg-muted">{o.noClasses}</p>
      ) : (
        <ScrollTable caption={o.caption(cluster.name)}>
          <thead>
            <tr>
              <Th>{o.resourceClass}</Th>
              <Th>{o.inUse}</Th>
              <Th className="text-right">{o.queued}</Th>
            </tr>
          </thead>
          <tbody>
            {cluster.classes.map((use) => {
              const unit = use.resourceClass.unit;
              const label = o.useLabel(
                use.resourceClass.name,
                formatNumber(use.inUse),
                unitCount(use.capacity, unit),
              );
              return (
                <tr key={use.resourceClass.id} data-testid="capacity-row">
                  <Td>
                    <span className="font-semibold">{use.resourceClass.name}</span>
                    <span className="block font-mono text-xs text-fg-muted">
                      {use.resourceClass.code}
                    </span>
                  </Td>
                  <Td className="min-w-48">
                    <CapacityUse inUse={use.inUse} capacity={use.capacity} unit={unit} />
                    <UsageBar
                      label={label}
                      whole={use.capacity}
                      parts={[
                        {
                          value: use.inUse,
                          tone: use.inUse > use.capacity ? "warning" : "accent",
                        },
                      ]}
                    />
                  </Td>
                  <Td className="text-right tabular-nums">{unitCount(use.queued, unit)}</Td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
