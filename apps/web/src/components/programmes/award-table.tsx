import type { ResourceKind } from "@tessera/db";
import { countsTokens, formatPricedUnits, pricePer, type MeteredClass } from "@tessera/core/words";
import { tp } from "@/i18n";
import { formatMoney } from "./format";
import { ScrollTable } from "./scroll-table";

interface PricedHours {
  unitHours: number;
  listValueMinor: number;
  programmeShareMinor: number;
  tenantShareMinor: number;
}

type Totals = Omit<PricedHours, "unitHours">;

/** The shape core's priceAward returns, as the pages receive it. */
export interface AwardPricingView {
  lines: readonly {
    resourceClassId: string;
    listPriceMinorPerHour: number;
    requested: PricedHours;
    granted: PricedHours | null;
  }[];
  requested: Totals;
  granted: Totals | null;
}

const HEAD =
  "whitespace-nowrap border-b border-line bg-surface-muted px-3 py-2.5 font-semibold text-fg";
const CELL = "border-b border-line px-3 py-2.5 align-top text-fg";
const AMOUNT = `${CELL} whitespace-nowrap text-right tabular-nums`;

function Amounts({
  priced,
  currency,
  metered,
}: {
  priced: PricedHours | Totals;
  currency: string;
  metered: MeteredClass | null;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <>
      <td className={AMOUNT} data-testid="hours">
        {"unitHours" in priced && metered ? formatPricedUnits(priced.unitHours, metered) : null}
      </td>
      <td className={AMOUNT} data-testid="list">
        {money(priced.listValueMinor)}
      </td>
      <td className={AMOUNT} data-testid="programme">
        {money(priced.programmeShareMinor)}
      </td>
      <td className={AMOUNT} data-testid="tenant">
        {money(priced.tenantShareMinor)}
      </td>
    </>
  );
}

/**
 * What was requested and what was granted, side by side for each resource class and in total,
 * each with its list value, the programme's share and the organisation's share — all as core's
 * priceAward computed them. Before a decision only the requested side is shown. The words are
 * neutral ("Organisation pays"), as applicants, reviewers and administrators all read it.
 */
export function AwardTable({
  pricing,
  classes,
  currency,
  testId,
  caption,
}: {
  pricing: AwardPricingView;
  classes: readonly { id: string; code: string; name: string; kind: ResourceKind; unit: string }[];
  currency: string;
  testId?: string;
  /** The table's name, where several award tables share a page and must be told apart. */
  caption?: string;
}) {
  const m = tp.money;
  const granted = pricing.granted !== null;
  const byId = new Map(classes.map((rc) => [rc.id, rc]));
  const anyTokens = classes.some((rc) => countsTokens(rc.kind));
  return (
    <ScrollTable caption={caption ?? (granted ? m.awardCaption : m.requestCaption)}>
      <thead>
        <tr>
          <th scope="col" className={HEAD}>
            {tp.applications.detail.resourceClass}
          </th>
          <th scope="col" className={HEAD}>
            <span className="sr-only">{m.side}</span>
          </th>
          <th scope="col" className={`${HEAD} text-right`}>
            {anyTokens ? m.quantity : m.hours}
          </th>
          <th scope="col" className={`${HEAD} text-right`}>
            {m.listValue}
          </th>
          <th scope="col" className={`${HEAD} text-right`}>
            {m.programmeShare}
          </th>
          <th scope="col" className={`${HEAD} text-right`}>
            {m.tenantShare}
          </th>
        </tr>
      </thead>
      <tbody data-testid={testId}>
        {pricing.lines.map((line) => {
          const rc = byId.get(line.resourceClassId);
          const code = rc?.code ?? line.resourceClassId;
          const metered: MeteredClass | null = rc ? { kind: rc.kind, unit: rc.unit } : null;
          return [
            <tr key={`${code}-requested`} data-testid={`line-${code}-requested`}>
              <th
                scope="rowgroup"
                rowSpan={line.granted ? 2 : 1}
                className={`${CELL} text-left font-normal`}
              >
                <span className="block font-semibold">{rc?.name ?? code}</span>
                <span className="block font-mono text-xs text-fg-muted">{code}</span>
                <span className="block text-xs whitespace-nowrap text-fg-muted">
                  {metered
                    ? pricePer(formatMoney(line.listPriceMinorPerHour, currency), metered)
                    : formatMoney(line.listPriceMinorPerHour, currency)}
                </span>
              </th>
              <td className={CELL}>{m.requested}</td>
              <Amounts priced={line.requested} currency={currency} metered={metered} />
            </tr>,
            line.granted ? (
              <tr
                key={`${code}-granted`}
                data-testid={`line-${code}-granted`}
                className="bg-surface-muted/50 font-semibold"
              >
                <td className={CELL}>{m.granted}</td>
                <Amounts priced={line.granted} currency={currency} metered={metered} />
              </tr>
            ) : null,
          ];
        })}
      </tbody>
      <tfoot>
        <tr data-testid="total-requested">
          <th scope="row" colSpan={2} className={`${CELL} text-left`}>
            {granted ? m.totalRequested : m.total}
          </th>
          <Amounts priced={pricing.requested} currency={currency} metered={null} />
        </tr>
        {pricing.granted ? (
          <tr data-testid="total-granted" className="font-semibold">
            <th scope="row" colSpan={2} className={`${CELL} text-left`}>
              {m.totalGranted}
            </th>
            <Amounts priced={pricing.granted} currency={currency} metered={null} />
          </tr>
        ) : null}
      </tfoot>
    </ScrollTable>
  );
}

/** One amount in a list: what was requested and, once granted, what was granted under it. */
export function RequestedAndGranted({
  requestedMinor,
  grantedMinor,
  currency,
}: {
  requestedMinor: number;
  grantedMinor: number | null;
  currency: string;
}) {
  return (
    <>
      <span className="block" data-testid="requested-amount">
        {grantedMinor === null
          ? formatMoney(requestedMinor, currency)
          : tp.money.requestedAmount(formatMoney(requestedMinor, currency))}
      </span>
      {grantedMinor === null ? null : (
        <span className="block font-semibold" data-testid="granted-amount">
          {tp.money.grantedAmount(formatMoney(grantedMinor, currency))}
        </span>
      )}
    </>
  );
}
