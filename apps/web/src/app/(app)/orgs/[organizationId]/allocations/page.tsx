import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, Card, EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { Breadcrumbs, organisationCrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { Pagination } from "@/components/pagination";
import { AwardTable } from "@/components/programmes/award-table";
import { allocationTableCaptions } from "@/components/programmes/allocation-labels";
import { AllocationBadge } from "@/components/programmes/badges";
import { FilterTabs } from "@/components/programmes/filter-tabs";
import {
  countsTokens,
  formatMeteredQuantity,
  type MeteredClass,
  unitHourPartsTotal,
} from "@tessera/core/words";
import { formatMoney, formatRate } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { repricedClassesText } from "@/components/programmes/repriced-classes";
import type { AllocationView } from "@/components/programmes/types";
import { UsageBar } from "@/components/programmes/usage-bar";
import { formatDate, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";
import { ScrollTable } from "@/components/programmes/scroll-table";

export const metadata: Metadata = { title: tp.allocations.title };

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

function ValidityNote({ allocation }: { allocation: AllocationView }) {
  const a = tp.allocations;
  if (allocation.state === "EXPIRED")
    return <p className="text-fg-muted">{a.expiredOn(formatDate(allocation.validTo))}</p>;
  if (allocation.state === "UPCOMING")
    return <p className="text-fg-muted">{a.startsOn(formatDate(allocation.validFrom))}</p>;
  if (allocation.expiresSoon)
    return (
      <p className="font-semibold text-warning-fg">{a.expiresOn(formatDate(allocation.validTo))}</p>
    );
  return null;
}

/**
 * A quantity with its unit on the line under its figure ("3.018" over "GPU-hours"), in every cell
 * alike, so that the table's five columns fit a laptop's width without scrolling. The text is
 * still the whole quantity ("3.018 GPU-hours") for anyone reading it out.
 */
function Quantity({ text, testId }: { text: string; testId?: string }) {
  const split = /^(.*\d)\s(\D.*)$/.exec(text);
  return (
    <span data-testid={testId}>
      {split ? (
        <>
          <span className="block whitespace-nowrap">{split[1]}</span>{" "}
          <span className="block whitespace-nowrap text-xs text-fg-muted">{split[2]}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
}

/** A holder by name, linked to its job's or endpoint's page. */
function HolderName({
  organizationId,
  holder,
}: {
  organizationId: string;
  holder: AllocationView["lines"][number]["holders"][number];
}) {
  if (!holder.workloadId || holder.kind === "OTHER") return <>{tp.allocations.otherHolds}</>;
  const href =
    holder.kind === "TRAINING_JOB"
      ? routes.job(organizationId, holder.workloadId)
      : routes.endpoint(organizationId, holder.workloadId);
  return (
    <Link href={href} className="text-link underline">
      {holder.name}
    </Link>
  );
}

function AllocationCard({ allocation }: { allocation: AllocationView }) {
  const a = tp.allocations;
  const money = (minor: number) => formatMoney(minor, allocation.currency);
  // The same words as the home page and the invoice: every figure of the table in hours exact to
  // the thousandth, as usage is billed, small ones included; tokens for a shared model's tier.
  const hours = (amount: number, metered: MeteredClass) => formatMeteredQuantity(amount, metered);
  const captions = allocationTableCaptions(allocation);
  return (
    <Card
      title={allocation.programme.name}
      actions={<AllocationBadge state={allocation.state} expiresSoon={allocation.expiresSoon} />}
    >
      <div className="space-y-3" data-testid={`allocation-${allocation.id}`}>
        <p>
          <span className="font-semibold">{a.application}:</span>{" "}
          <Link
            href={programmeRoutes.application(allocation.organizationId, allocation.application.id)}
            className="text-link underline"
          >
            {allocation.application.title}
          </Link>
        </p>
        <p>
          <span className="font-semibold">{a.validity}:</span>{" "}
          {a.validRange(formatDate(allocation.validFrom), formatDate(allocation.validTo))}
        </p>
        <ValidityNote allocation={allocation} />
        <p className="text-sm text-fg-muted" data-testid="allocation-value">
          {a.value(
            money(allocation.listValueMinor),
            money(allocation.programmeShareMinor),
            money(allocation.tenantShareMinor),
          )}
        </p>
        {allocation.repricedClasses.length > 0 && allocation.state !== "EXPIRED" ? (
          <p
            className="border-l-4 border-warning-fg pl-2 text-sm"
            data-testid="allocation-repriced"
          >
            {a.repriced(
              repricedClassesText(allocation.repricedClasses, allocation.currency),
              formatRate(allocation.subsidyRateBps),
              money(allocation.programmeShareMinor),
            )}
          </p>
        ) : null}
        <AwardTable
          pricing={allocation.pricing}
          classes={allocation.pricedClasses}
          currency={allocation.currency}
          testId="allocation-pricing"
          caption={captions.pricing}
        />
        <ScrollTable caption={captions.lines} stickyFirstColumn>
          <thead>
            <tr>
              <Th>{a.resourceClass}</Th>
              <Th className="text-right">{a.granted}</Th>
              <Th className="text-right">{a.held}</Th>
              <Th className="text-right">{a.consumed}</Th>
              <Th className="text-right">{a.remaining}</Th>
              <Th className="min-w-32">{a.usage}</Th>
            </tr>
          </thead>
          <tbody>
            {allocation.lines.map((line) => {
              const unit = line.resourceClass;
              return (
                <tr key={line.id} data-testid={`allocation-line-${line.resourceClass.code}`}>
                  <Td>
                    <span className="font-semibold">{line.resourceClass.name}</span>
                    <span className="block font-mono text-xs text-fg-muted">
                      {line.resourceClass.code}
                    </span>
                    {/* On a phone the columns to the right scroll out of view: what is left and
                        used stays beside the class (the table's own cells say it to a reader). */}
                    <span
                      className="mt-1 block text-xs tabular-nums sm:hidden"
                      aria-hidden="true"
                      data-testid="narrow-summary"
                    >
                      {a.narrowSummary(
                        hours(line.remainingUnitSeconds, unit),
                        hours(line.consumedUnitSeconds, unit),
                      )}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Quantity testId="granted" text={hours(line.grantedUnitSeconds, unit)} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Quantity testId="held" text={hours(line.heldUnitSeconds, unit)} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Quantity testId="consumed" text={hours(line.consumedUnitSeconds, unit)} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Quantity testId="remaining" text={hours(line.remainingUnitSeconds, unit)} />
                  </Td>
                  <Td>
                    <UsageBar
                      label={a.usageLabel(
                        hours(line.consumedUnitSeconds, unit),
                        hours(line.heldUnitSeconds, unit),
                        hours(line.grantedUnitSeconds, unit),
                      )}
                      whole={line.grantedUnitSeconds}
                      parts={[
                        { value: line.consumedUnitSeconds, tone: "accent" },
                        { value: line.heldUnitSeconds, tone: "warning" },
                      ]}
                    />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
        {allocation.lines
          .filter((line) => line.holders.length > 0)
          .map((line) => {
            // Each read as its own page reads it; where those do not add up to Held, say so.
            const partsRead = unitHourPartsTotal(
              line.holders.map((holder) => holder.unitSeconds),
              line.resourceClass.unit,
            );
            return (
              <div
                key={line.id}
                className="text-sm"
                data-testid={`allocation-holders-${line.resourceClass.code}`}
              >
                <h3 className="font-semibold">{a.heldFor(line.resourceClass.name)}</h3>
                <ul className="mt-1 list-disc space-y-0.5 ps-5 text-fg-muted">
                  {line.holders.map((holder) => (
                    <li key={holder.workloadId ?? "other"} data-testid="holder">
                      <HolderName organizationId={allocation.organizationId} holder={holder} />
                      {holder.kind === "OTHER" ? "" : ` (${a.holderKind[holder.kind]})`}
                      {": "}
                      <span className="tabular-nums">
                        {hours(holder.unitSeconds, line.resourceClass)}
                      </span>
                    </li>
                  ))}
                </ul>
                {partsRead ? (
                  <p className="mt-1 text-fg-muted" data-testid="holders-rounding">
                    {a.holdersRounding(partsRead, hours(line.heldUnitSeconds, line.resourceClass))}
                  </p>
                ) : null}
              </div>
            );
          })}
        {allocation.lines
          .filter((line) => countsTokens(line.resourceClass.kind) && line.heldUnitSeconds > 0)
          .map((line) => (
            <p
              key={line.id}
              className="text-sm text-fg-muted"
              data-testid={`allocation-tokens-held-${line.resourceClass.code}`}
            >
              {a.tokensHeld(
                hours(line.heldUnitSeconds, line.resourceClass),
                line.resourceClass.name,
              )}
            </p>
          ))}
        {allocation.lines
          .filter((line) => line.unsettledUnitSeconds > 0)
          .map((line) => (
            <p
              key={line.id}
              className="text-sm text-fg-muted"
              data-testid={`allocation-unsettled-${line.resourceClass.code}`}
            >
              {a.unsettled(
                hours(line.unsettledUnitSeconds, line.resourceClass),
                line.resourceClass.name,
              )}
            </p>
          ))}
      </div>
    </Card>
  );
}

export default async function AllocationsPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const activeOnly = param(query.show) === "active";
  const cursor = param(query.cursor);
  const organisation = await loadOrganisation(organizationId);
  const listed = await loadIfAllowed((api) =>
    api.allocations.list({ organizationId, activeOnly, cursor, limit: 10 }),
  );
  const base = programmeRoutes.allocations(organizationId);
  const crumbs = organisationCrumbs(organisation, tp.allocations.title);
  if (!listed.allowed)
    return <ForbiddenPage crumbs={crumbs} invalid={listed.invalid} resetHref={base} />;
  const page = listed.data;
  const guidance = guidanceFor(organisation);

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={tp.allocations.title} description={tp.allocations.lead} />
      <div className="space-y-4">
        <FilterTabs
          label={tp.allocations.filter}
          tabs={[
            { href: base, label: tp.allocations.all, current: !activeOnly },
            { href: `${base}?show=active`, label: tp.allocations.activeOnly, current: activeOnly },
          ]}
        />
        {page.items.length === 0 && !cursor && guidance ? (
          // It cannot apply yet: what it waits for, not a list of applications it cannot make.
          <NotVerifiedEmptyState title={tp.allocations.emptyTitle} guidance={guidance} />
        ) : page.items.length === 0 && !cursor ? (
          <EmptyState
            title={tp.allocations.emptyTitle}
            action={
              <Link
                href={programmeRoutes.applications(organizationId)}
                className={buttonClassName("secondary")}
              >
                {tp.allocations.viewApplications}
              </Link>
            }
          >
            <p>{tp.allocations.emptyBody}</p>
          </EmptyState>
        ) : (
          <div className="space-y-6">
            {page.items.map((allocation) => (
              <AllocationCard key={allocation.id} allocation={allocation} />
            ))}
          </div>
        )}
        <Pagination
          basePath={base}
          params={{ show: activeOnly ? "active" : undefined }}
          cursor={cursor}
          nextCursor={page.nextCursor}
        />
      </div>
    </>
  );
}
