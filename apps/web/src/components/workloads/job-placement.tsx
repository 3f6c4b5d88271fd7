import { DescriptionList, Td, Th } from "@tessera/ui";
import { EligibilityBadge } from "@/components/programmes/badges";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { tw } from "@/i18n";
import type { WorkloadDetail } from "./types";

/**
 * Where the job runs and why: the chosen cluster, the rule that chose it, every candidate but the
 * retired clusters, which one line counts. Where the decision kept with the job cannot be read, the
 * cluster it runs on and a line saying so.
 */
export function JobPlacement({ job }: { job: WorkloadDetail }) {
  const p = tw.detail.placement;
  const { placement } = job;
  return (
    <div className="space-y-4" data-testid="job-placement">
      <DescriptionList
        items={[
          { term: p.cluster, detail: job.cluster.name },
          { term: p.jurisdiction, detail: job.cluster.jurisdiction },
          ...(placement ? [{ term: p.reason, detail: placement.reason }] : []),
        ]}
      />
      {placement ? null : (
        <p className="text-fg-muted" data-testid="job-placement-unreadable">
          {p.unreadable}
        </p>
      )}
      {placement?.candidates.length ? (
        <ScrollTable caption={p.caption}>
          <thead>
            <tr>
              <Th>{p.cluster}</Th>
              <Th>{p.jurisdiction}</Th>
              <Th className="text-right">{p.free}</Th>
              <Th>{p.eligible}</Th>
              <Th>{p.why}</Th>
            </tr>
          </thead>
          <tbody>
            {placement.candidates.map((candidate) => (
              <tr key={candidate.clusterCode}>
                <Td className="font-mono">
                  {candidate.clusterCode}
                  {candidate.clusterCode === job.cluster.code ? (
                    <span className="block font-sans text-xs font-semibold">{p.chosen}</span>
                  ) : null}
                </Td>
                <Td>{candidate.jurisdiction}</Td>
                <Td className="text-right tabular-nums">
                  {candidate.free === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{p.noFree}</span>
                    </>
                  ) : (
                    candidate.free
                  )}
                </Td>
                <Td>
                  <EligibilityBadge eligible={candidate.eligible} />
                </Td>
                <Td>{candidate.why}</Td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      {placement && placement.retiredClusters > 0 ? (
        <p className="text-sm text-fg-muted" data-testid="job-placement-retired">
          {p.retired(placement.retiredClusters)}
        </p>
      ) : null}
    </div>
  );
}
