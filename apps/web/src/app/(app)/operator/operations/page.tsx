import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, Td, Th } from "@tessera/ui";
import { ForbiddenPage } from "@/components/forbidden-page";
import { PlatformPage } from "@/components/platform-page";
import { Pagination } from "@/components/pagination";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { EndpointBadge } from "@/components/endpoints/badges";
import { WorkloadBadge } from "@/components/workloads/badges";
import { DeadLetterActions } from "@/components/workloads/dead-letter-actions";
import { QueueChart } from "@/components/workloads/queue-chart";
import { formatDateTime, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load, loadIfAllowed } from "@/server/api";
import { platformPageAccess } from "@/server/platform-page";

export const metadata: Metadata = { title: tw.operations.title };

/** The statuses of a count by status, in the order the overview lists them. */
function statusesOf<S extends string>(counts: Record<S, number>): S[] {
  return Object.keys(counts) as S[];
}

/** An outbox event older than this without being handed to a queue means the relay is stuck. */
const STUCK_AFTER_MS = 60_000;

function relayLooksStuck(oldest: Date | null, now: Date): boolean {
  return oldest !== null && now.getTime() - oldest.getTime() > STUCK_AFTER_MS;
}

export default async function OperationsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const includeResolved = param(query.resolved) === "show";
  const cursor = param(query.cursor);
  const o = tw.operations;
  const { crumbs, mayRead, canManage } = await platformPageAccess(
    o.title,
    "operations.read",
    "operations.manage",
  );
  if (!mayRead) return <ForbiddenPage crumbs={crumbs} title={o.title} />;
  const [overview, listed] = await Promise.all([
    load((api) => api.operations.overview()),
    loadIfAllowed((api) => api.operations.deadLetters({ includeResolved, cursor })),
  ]);
  if (!listed.allowed)
    return (
      <ForbiddenPage
        crumbs={crumbs}
        title={o.title}
        invalid={listed.invalid}
        resetHref={routes.operations}
      />
    );
  const deadLetters = listed.data;
  const oldest = overview.outbox.oldestUndispatchedAt;
  // Rendered per request on the server: the age of the oldest event as of this page view.
  const stuck = relayLooksStuck(oldest, new Date());
  const base = routes.operations;
  const resolvedToggle = (
    <Link
      href={includeResolved ? base : `${base}?resolved=show`}
      className="text-sm font-semibold text-link underline"
    >
      {includeResolved ? o.deadLetters.hideResolved : o.deadLetters.showResolved}
    </Link>
  );

  return (
    <PlatformPage
      crumbs={crumbs}
      title={o.title}
      lead={o.lead}
      readOnlyNote={canManage ? null : o.readOnly}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={o.outbox.title}>
          <div className="space-y-2" data-testid="outbox-backlog">
            <p className="text-2xl font-bold tabular-nums">{overview.outbox.undispatched}</p>
            <p>{o.outbox.waiting(overview.outbox.undispatched)}</p>
            {oldest ? (
              <p className="text-sm text-fg-muted">
                {o.outbox.oldest}{" "}
                <time dateTime={oldest.toISOString()}>{formatDateTime(oldest)}</time>
              </p>
            ) : null}
            {stuck ? (
              <Alert tone="warning" title={o.outbox.stuckTitle}>
                {o.outbox.stuck}
              </Alert>
            ) : null}
          </div>
        </Card>
        <Card title={o.workloads.jobs}>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="jobs-by-status">
            {statusesOf(overview.jobsByStatus).map((status) => (
              <li key={status} className="flex items-center justify-between gap-3">
                <WorkloadBadge status={status} />
                <span className="font-semibold tabular-nums">{overview.jobsByStatus[status]}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={o.workloads.endpoints}>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="endpoints-by-status">
            {statusesOf(overview.endpointsByStatus).map((status) => (
              <li key={status} className="flex items-center justify-between gap-3">
                <EndpointBadge status={status} testId={`endpoint-status-${status}`} />
                <span className="font-semibold tabular-nums">
                  {overview.endpointsByStatus[status]}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title={o.queues.title}>
        {!overview.queuesReachable ? (
          <Alert tone="danger" role="alert" title={o.queues.unreachable} />
        ) : overview.queues.length ? (
          <QueueChart queues={overview.queues} />
        ) : (
          <p className="text-fg-muted">{o.queues.empty}</p>
        )}
      </Card>
      <Card title={o.deadLetters.title} actions={resolvedToggle}>
        {deadLetters.items.length === 0 && !cursor ? (
          <p className="text-fg-muted" data-testid="dead-letters-empty">
            {includeResolved ? o.deadLetters.emptyAll : o.deadLetters.empty}
          </p>
        ) : (
          <ScrollTable caption={o.deadLetters.caption}>
            <thead>
              <tr>
                <Th>{o.deadLetters.job}</Th>
                <Th>{o.deadLetters.error}</Th>
                <Th className="text-right">{o.deadLetters.attempts}</Th>
                <Th>{o.deadLetters.failedAt}</Th>
                <Th>{o.deadLetters.state}</Th>
                {canManage ? <Th>{o.deadLetters.actions}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {deadLetters.items.map((letter) => (
                <tr key={letter.id} data-testid={`dead-letter-${letter.id}`}>
                  <Td>
                    <span className="font-semibold">
                      {o.queues.names[letter.queue] ?? letter.queue}
                    </span>
                    <span className="block font-mono text-xs">{letter.jobName}</span>
                    <span className="block font-mono text-xs text-fg-muted">{letter.jobId}</span>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs font-semibold">
                        {o.deadLetters.payload}
                      </summary>
                      <pre className="mt-1 max-w-xs overflow-auto whitespace-pre-wrap break-all font-mono text-xs">
                        {JSON.stringify(letter.payload, null, 2)}
                      </pre>
                    </details>
                  </Td>
                  <Td className="max-w-sm wrap-anywhere">{letter.error}</Td>
                  <Td className="text-right tabular-nums">{letter.attempts}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(letter.failedAt)}</Td>
                  <Td>
                    {letter.resolvedAt ? (
                      <>
                        <span className="font-semibold">{o.deadLetters.resolved}</span>
                        <span className="block text-sm text-fg-muted">
                          {formatDateTime(letter.resolvedAt)}
                        </span>
                        {letter.resolution ? (
                          <span className="block text-sm">{letter.resolution}</span>
                        ) : null}
                      </>
                    ) : (
                      <span className="font-semibold">{o.deadLetters.open}</span>
                    )}
                  </Td>
                  {canManage ? (
                    <Td>
                      {letter.resolvedAt ? null : (
                        <DeadLetterActions
                          deadLetterId={letter.id}
                          label={`${letter.queue} ${letter.jobId}`}
                        />
                      )}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        <Pagination
          basePath={base}
          params={{ resolved: includeResolved ? "show" : undefined }}
          cursor={cursor}
          nextCursor={deadLetters.nextCursor}
        />
      </Card>
    </PlatformPage>
  );
}
