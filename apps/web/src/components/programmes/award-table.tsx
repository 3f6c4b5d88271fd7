import { tp } from "@/i18n";
import { formatMoney, formatNumber, hoursUnit } from "./format";
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
  unit,
}: {
  priced: PricedHours | Totals;
  currency: string;
  unit: string | null;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <>
      <td className={AMOUNT} data-testid="hours">
        {"unitHours" in priced && unit
          ? `${formatNumber(priced.unitHours)} ${hoursUnit(unit)}`
          : null}
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
}: {
  pricing: AwardPricingView;
  classes: readonly { id: string; code: string; name: string; unit: string }[];
  currency: string;
  testId?: string;
}) {
  const m = tp.money;
  const granted = pricing.granted !== null;
  const byId = new Map(classes.map((rc) => [rc.id, rc]));
  return (
    <ScrollTable caption={granted ? m.awardCaption : m.requestCaption}>
      <thead>
        <tr>
          <th scope="col" className={HEAD}>
            {tp.applications.detail.resourceClass}
          </th>
          <th scope="col" className={HEAD}>
            <span className="sr-only">{m.side}</span>
          </th>
          <th scope="col" className={`${HEAD} text-right`}>
            {m.hours}
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
          const unit = rc?.unit ?? "";
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
                  {m.perHour(formatMoney(line.listPriceMinorPerHour, currency), unit)}
                </span>
              </th>
              <td className={CELL}>{m.requested}</td>
              <Amounts priced={line.requested} currency={currency} unit={unit} />
            </tr>,
            line.granted ? (
              <tr
                key={`${code}-granted`}
                data-testid={`line-${code}-granted`}
                className="bg-surface-muted/50 font-semibold"
              >
                <td className={CELL}>{m.granted}</td>
                <Amounts priced={line.granted} currency={currency} unit={unit} />
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
          <Amounts priced={pricing.requested} currency={currency} unit={null} />
        </tr>
        {pricing.granted ? (
          <tr data-testid="total-granted" className="font-semibold">
            <th scope="row" colSpan={2} className={`${CELL} text-left`}>
              {m.totalGranted}
            </th>
            <Amounts priced={pricing.granted} currency={currency} unit={null} />
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
