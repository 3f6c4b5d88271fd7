"use client";

import { Alert, Spinner } from "@tessera/ui";
import { tp, tw } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { countOfUnits } from "@tessera/core/job-quantity-rules";
import { quotaShortfallFigures } from "@tessera/core/words";
import { formatMoney } from "@/components/programmes/format";
import { formatQuota } from "./format";
import type { WorkloadPreview } from "./types";

/** The preview's sentence for a hold the allocation cannot cover. */
function shortfall(preview: WorkloadPreview, unit: string): string {
  const figures = quotaShortfallFigures(
    preview.holdUnitSeconds,
    preview.remainingUnitSeconds,
    unit,
  );
  return tw.preview.short(figures.needed, figures.remaining, figures.short);
}

/**
 * Said when the cluster chosen has fewer of the class free now than the job asks for: it is
 * accepted, and waits in the cluster's queue (another organisation's work may be what fills it).
 */
function UnitsFreeNote({
  placement,
  unit,
}: {
  placement: NonNullable<WorkloadPreview["placement"]>;
  unit: string;
}) {
  const { free, wanted } = placement;
  if (free === null || free >= wanted) return null;
  const p = tw.preview;
  const asked = countOfUnits(wanted, unit);
  return (
    <p className="border-l-4 border-warning-fg pl-2 text-sm" data-testid="preview-units-free">
      {free === 0 ? p.noneFree(asked) : p.waitsForUnits(countOfUnits(free, unit), asked)}
    </p>
  );
}

/**
 * What the job would hold and where it would run, beside the submit button: the quota it holds
 * and what remains after it, the cluster and why (residency), or what stands in the way.
 */
export function JobPreview({
  preview,
  unit,
  pending,
  error,
  ready,
  problem = null,
}: {
  preview: WorkloadPreview | undefined;
  unit: string;
  /** A newer answer is on its way (the person is still typing, or the request runs). */
  pending: boolean;
  error: unknown;
  /** Whether the form has enough to ask (a project and an allocation). */
  ready: boolean;
  /** What the form finds wrong with the units or the walltime: said instead of asking. */
  problem?: string | null;
}) {
  const p = tw.preview;
  let body;
  if (!ready) body = <p className="text-fg-muted">{p.incomplete}</p>;
  else if (problem)
    body = (
      <p className="font-semibold text-danger" data-testid="preview-problem">
        {problem}
      </p>
    );
  else if (error) body = <p className="font-semibold text-danger">{errorMessageFrom(error)}</p>;
  else if (!preview)
    body = (
      <p className="flex items-center gap-2 text-fg-muted">
        <Spinner /> {p.working}
      </p>
    );
  else {
    const quota = (seconds: number) => formatQuota(seconds, unit);
    const money = (minor: number) => formatMoney(minor, preview.cost.currency);
    body = (
      <div className="space-y-2">
        {preview.fits ? (
          <p data-testid="preview-quota">
            {p.holds(quota(preview.holdUnitSeconds), quota(preview.remainingAfterUnitSeconds))}
          </p>
        ) : (
          <Alert tone="danger" title={p.shortTitle}>
            {/* The same figures as the server's refusal, so they agree to the digit. */}
            <p data-testid="preview-quota">{shortfall(preview, unit)}</p>
          </Alert>
        )}
        <p data-testid="preview-cost">
          {p.cost(
            money(preview.cost.listValueMinor),
            tp.money.perHour(money(preview.cost.listPriceMinorPerHour), unit),
            money(preview.cost.programmeShareMinor),
            money(preview.cost.tenantShareMinor),
          )}
        </p>
        {preview.placement ? (
          <div data-testid="preview-placement">
            <p>{p.placement(preview.placement.clusterName, preview.placement.jurisdiction)}</p>
            <UnitsFreeNote placement={preview.placement} unit={unit} />
            <p className="text-sm text-fg-muted">
              {p.why} {preview.placement.reason}
            </p>
          </div>
        ) : (
          <Alert tone="warning" title={p.noPlacementTitle}>
            <p data-testid="preview-placement">{preview.placementProblem ?? p.noPlacement}</p>
          </Alert>
        )}
      </div>
    );
  }
  return (
    <section
      aria-labelledby="job-preview-title"
      aria-busy={pending || undefined}
      className="rounded-lg border border-line bg-surface-muted p-4"
      data-testid="job-preview"
    >
      <h2 id="job-preview-title" className="mb-2 flex items-center gap-2 font-semibold">
        {p.title}
        {/* Seen as well as heard: the figures below are the last answer until the new one lands. */}
        {pending && preview ? (
          <span
            className="flex items-center gap-1 text-sm font-normal text-fg-muted"
            data-testid="preview-updating"
          >
            <Spinner /> {p.updating}
          </span>
        ) : null}
      </h2>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
