import { DescriptionList, Td, Th } from "@tessera/ui";
import { formatEnergy } from "@tessera/core/format-energy";
import { countsTokens, formatBilledUnitHours, formatTokens, pricePer } from "@tessera/core/words";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatMoney } from "@/components/programmes/format";
import { tb } from "@/i18n";
import { repricedLines, usageEnergy } from "./format";
import type { BillingLine, CurrentCharges } from "./types";

type Totals = Pick<
  CurrentCharges,
  | "currency"
  | "listMinor"
  | "programmeMinor"
  | "tenantNetMinor"
  | "vatMinor"
  | "vatRateBps"
  | "vatLabel"
  | "vatNote"
  | "tenantTotalMinor"
  | "energyMilliWh"
  | "programmeShares"
>;

/**
 * Three cells: a list amount, the programme's share and the organisation's, each with its test id
 * (`<prefix>-list`, `-programme`, `-tenant`) and its minor units for tests to read.
 */
export function ShareCells({
  amounts,
  money,
  testIdPrefix,
  programmeName = null,
}: {
  amounts: { listMinor: number; programmeMinor: number; tenantMinor: number };
  money: (minor: number) => string;
  testIdPrefix: string;
  /** Which programme pays the programme share, named under it (when several pay). */
  programmeName?: string | null;
}) {
  const cells = [
    ["list", amounts.listMinor],
    ["programme", amounts.programmeMinor],
    ["tenant", amounts.tenantMinor],
  ] as const;
  return (
    <>
      {cells.map(([share, minor]) => (
        <Td key={share} className="whitespace-nowrap text-right tabular-nums">
          <span data-testid={`${testIdPrefix}-${share}`} data-minor={minor}>
            {money(minor)}
          </span>
          {share === "programme" && programmeName ? (
            <span
              className="ml-auto block max-w-44 text-xs whitespace-normal text-fg-muted"
              data-testid={`${testIdPrefix}-programme-name`}
            >
              {tb.lines.paidBy(programmeName)}
            </span>
          ) : null}
        </Td>
      ))}
    </>
  );
}

/**
 * The lines of an invoice or of the live draft: quantity, unit price, list amount, the
 * programme's and the organisation's share (which add up to the list amount) and the energy,
 * then the totals and VAT. Amounts are integer minor units, formatted exactly. The programmes
 * paying are named in the totals, and on each line when there are several. When they pay
 * everything, the VAT line says what its rate applies to (nothing) and a note says there is
 * nothing to pay, so a zero VAT line never reads as a charge.
 */
export function BillingLines({
  caption,
  lines,
  totals,
}: {
  caption: string;
  lines: readonly (BillingLine & {
    accruingUnitHours?: string;
    accruingUnitSeconds?: number;
    energySettled?: boolean;
  })[];
  totals: Totals;
}) {
  const l = tb.lines;
  const money = (minor: number) => formatMoney(minor, totals.currency);
  const programmes = totals.programmeShares.map((share) => share.name);
  // The total is an estimate as soon as one line's energy is (estimated, shared tokens, open).
  const energyEstimated = lines.some(
    (line) =>
      !line.energyMeasured || countsTokens(line.resourceKind) || line.energySettled === false,
  );
  const sharedEnergy = lines.some((line) => countsTokens(line.resourceKind));
  const repriced = repricedLines(lines);
  const nothingToPay =
    totals.tenantTotalMinor === 0 && totals.tenantNetMinor === 0 && totals.programmeMinor > 0;
  return (
    <div className="space-y-4">
      <ScrollTable caption={caption} stickyFirstColumn>
        <thead>
          <tr>
            <Th>{l.line}</Th>
            <Th className="text-right">{l.quantity}</Th>
            <Th className="text-right">{l.unitPrice}</Th>
            <Th className="text-right">{l.list}</Th>
            <Th className="text-right">{l.programme}</Th>
            <Th className="text-right">{l.tenant}</Th>
            <Th>{l.energy}</Th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr
              key={line.position}
              data-testid="billing-line"
              data-resource-kind={line.resourceKind}
            >
              <Td>
                <span className="font-semibold">{line.resourceClassName}</span>
                <span className="block font-mono text-xs text-fg-muted">
                  {line.resourceClassCode} · {line.usagePeriod}
                </span>
                {line.kind === "LATE_USAGE" ? (
                  <span className="block text-xs text-warning-fg">{l.late(line.usagePeriod)}</span>
                ) : null}
                {repriced.has(line.position) ? (
                  <span
                    className="block max-w-64 text-xs text-fg-muted"
                    data-testid="line-price-changed"
                  >
                    {l.priceChanged(money(line.minorPerUnitHour))}
                  </span>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {countsTokens(line.resourceKind)
                  ? formatTokens(line.tokens)
                  : formatBilledUnitHours(line.unitHours, {
                      kind: line.resourceKind,
                      unit: line.unit,
                    })}
                {line.accruingUnitSeconds && line.accruingUnitHours ? (
                  <span
                    className="ml-auto block max-w-44 text-xs whitespace-normal text-fg-muted"
                    data-testid="line-accruing"
                  >
                    {l.accruing(
                      formatBilledUnitHours(line.accruingUnitHours, {
                        kind: line.resourceKind,
                        unit: line.unit,
                      }),
                    )}
                  </span>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {pricePer(money(line.minorPerUnitHour), {
                  kind: line.resourceKind,
                  unit: line.unit,
                })}
              </Td>
              <ShareCells
                amounts={line}
                money={money}
                testIdPrefix="line"
                programmeName={programmes.length > 1 ? line.programmeName : null}
              />
              <Td className="min-w-24">{usageEnergy(line, line.resourceKind)}</Td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <div className="max-w-xl" data-testid="billing-totals">
        <DescriptionList
          items={[
            { term: tb.totals.list, detail: figure(money(totals.listMinor)) },
            {
              term: tb.totals.programmeNamed(programmes),
              detail: figure(money(totals.programmeMinor)),
            },
            { term: tb.totals.tenantNet, detail: figure(money(totals.tenantNetMinor)) },
            {
              term: nothingToPay
                ? tb.totals.vatOnNet(totals.vatLabel, money(totals.tenantNetMinor))
                : totals.vatLabel,
              detail: figure(money(totals.vatMinor)),
            },
            {
              term: tb.totals.tenantTotal,
              detail: figure(money(totals.tenantTotalMinor), {
                emphasis: true,
                testId: "tenant-total",
              }),
            },
            {
              term: tb.totals.energy,
              detail: figure(
                energyEstimated
                  ? tb.energy.approximately(formatEnergy(totals.energyMilliWh))
                  : formatEnergy(totals.energyMilliWh),
              ),
            },
          ]}
        />
        {nothingToPay ? (
          <p className="mt-2 font-semibold" data-testid="nothing-to-pay">
            {tb.totals.nothingToPay(programmes)}
          </p>
        ) : null}
        {/* The VAT treatment in words, under the figures rather than squeezed beside them. */}
        <p className="mt-2 text-sm text-fg-muted" data-testid="vat-note">
          {totals.vatNote}
        </p>
        {sharedEnergy ? (
          <p className="mt-2 text-sm text-fg-muted" data-testid="shared-energy-note">
            {tb.energy.sharedRule}
          </p>
        ) : null}
        <p className="mt-2 text-sm text-fg-muted">
          {tb.totals.sharesAddUp(
            money(totals.programmeMinor),
            money(totals.tenantNetMinor),
            money(totals.listMinor),
          )}
        </p>
      </div>
    </div>
  );
}

/**
 * A figure in the totals never wraps: a long term beside it wraps instead. `emphasis` sets the
 * total the organisation pays in bold; `testId` names it for tests.
 */
function figure(text: string, options: { emphasis?: boolean; testId?: string } = {}) {
  return (
    <span
      className={`whitespace-nowrap tabular-nums${options.emphasis ? " font-semibold" : ""}`}
      data-testid={options.testId}
    >
      {text}
    </span>
  );
}
