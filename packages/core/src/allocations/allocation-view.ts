import type { Prisma, ResourceKind } from "@tessera/db";
import type { SqlClient } from "../billing/sql-client";
import { toSafeNumber } from "../programmes/money";
import {
  meteredUnderOpenLeases,
  withOpenLeaseUsage,
  type OpenLeaseUsage,
} from "../quota/open-lease-usage";
import { countsTokens } from "../catalogue/metering-unit";
import { priceAward, type AwardPricing } from "../programmes/pricing";
import { CLASS_WITH_PRICE_NOW } from "../applications/application-view";
import { allocationValidity, type AllocationState } from "./allocation-validity";
import { holdersOfLines, type LineHolder } from "./line-holders";

export const ALLOCATION_DETAIL = {
  programme: { select: { id: true, name: true, currency: true } },
  request: {
    select: {
      id: true,
      title: true,
      projectId: true,
      lines: {
        orderBy: { resourceClass: { code: "asc" } },
        select: {
          resourceClassId: true,
          unitHours: true,
          grantedUnitHours: true,
          listPriceMinorPerHour: true,
          resourceClass: CLASS_WITH_PRICE_NOW,
        },
      },
    },
  },
  lines: {
    orderBy: { resourceClass: { code: "asc" } },
    include: {
      resourceClass: { select: { id: true, code: true, name: true, kind: true, unit: true } },
    },
  },
} as const satisfies Prisma.AllocationInclude;

export type AllocationRow = Prisma.AllocationGetPayload<{ include: typeof ALLOCATION_DETAIL }>;

/**
 * Quota of one class, in its ledger units: unit-seconds (one GPU for one second = 1), or tokens for
 * a TOKENS class (catalogue/metering-unit.ts).
 */
export interface AllocationLineView {
  id: string;
  resourceClass: { id: string; code: string; name: string; kind: ResourceKind; unit: string };
  grantedUnitSeconds: number;
  /** Held for work not yet done: a token lease's unspent part only (see withOpenLeaseUsage). */
  heldUnitSeconds: number;
  /** Used, tokens the gateway has metered under its open leases included, as Billing counts them. */
  consumedUnitSeconds: number;
  /** Of consumed: tokens metered under open leases, not yet settled in the ledger (minutes). */
  unsettledUnitSeconds: number;
  /**
   * What the organisation can still use. A compute line: granted − held − consumed, what new holds
   * may still take (a job's or endpoint's hold is committed to it). A token line: granted −
   * consumed, since its holds are the gateway's leases, its own reservation of the organisation's
   * tokens for the organisation's next calls — not spent, and not kept from it (tokensLeft).
   */
  remainingUnitSeconds: number;
  listPriceMinorPerHour: number;
  /**
   * What the held figure is held for (jobs and endpoints by name); empty for a token line, whose
   * holds are the gateway's blocks and are said in words instead.
   */
  holders: LineHolder[];
}

/** A class granted at one list price that the catalogue now lists at another. */
export interface RepricedClass {
  name: string;
  kind: ResourceKind;
  unit: string;
  /** The price the award was valued at (quoted when the application was made). */
  quotedMinor: number;
  /** The catalogue's price now, which billing charges for use that starts from now on. */
  nowMinor: number;
}

export interface AllocationView {
  id: string;
  organizationId: string;
  programme: { id: string; name: string; currency: string };
  application: { id: string; title: string; projectId: string };
  validFrom: Date;
  validTo: Date;
  state: AllocationState;
  /** Active and ending within 14 days. */
  expiresSoon: boolean;
  /** Only an active allocation accepts new holds. */
  acceptsHolds: boolean;
  currency: string;
  subsidyRateBps: number;
  listValueMinor: number;
  programmeShareMinor: number;
  tenantShareMinor: number;
  /** What was requested and what was granted, side by side, at the award's rate. */
  pricing: AwardPricing;
  /** The classes the pricing's lines name (a class granted nothing has no quota line). */
  pricedClasses: { id: string; code: string; name: string; kind: ResourceKind; unit: string }[];
  /**
   * The granted classes whose price has changed since the award: its value and shares above are
   * at the quoted prices, while billing charges use at the price in force when it runs, the
   * programme paying its rate of each use until the award's programme share is drawn.
   */
  repricedClasses: RepricedClass[];
  createdAt: Date;
  lines: AllocationLineView[];
}

/**
 * Allocation rows of one organisation as views, each line's figures with the tokens metered under
 * its open token leases counted as used (meteredUnderOpenLeases).
 */
export async function toAllocationViews(
  client: SqlClient,
  organizationId: string,
  rows: readonly AllocationRow[],
  now: Date = new Date(),
): Promise<AllocationView[]> {
  const lines = {
    organizationId,
    allocationLineIds: rows.flatMap((row) => row.lines.map((line) => line.id)),
  };
  // One after the other: the client may be a transaction's, which runs one query at a time.
  const openLeases = await meteredUnderOpenLeases(client, lines);
  const holders = await holdersOfLines(client, lines);
  return rows.map((row) => toAllocationView(row, now, openLeases, holders));
}

/**
 * Tokens an organisation can still call for on a line: what is granted less what its calls used.
 * The gateway's lease is left in: it is the organisation's own tokens set aside for its next calls
 * (what they do not use goes back), so counting it as gone would read "1.9 million left" after one
 * call of 74 tokens. Only the figure shown changes: the ledger keeps held + consumed ≤ granted.
 */
export function tokensLeft(granted: bigint, consumed: bigint): bigint {
  return granted > consumed ? granted - consumed : 0n;
}

export function toAllocationView(
  row: AllocationRow,
  now: Date = new Date(),
  openLeases: ReadonlyMap<string, OpenLeaseUsage> = new Map(),
  holders: ReadonlyMap<string, LineHolder[]> = new Map(),
): AllocationView {
  const validity = allocationValidity(row, now);
  return {
    id: row.id,
    organizationId: row.organizationId,
    programme: row.programme,
    application: {
      id: row.request.id,
      title: row.request.title,
      projectId: row.request.projectId,
    },
    validFrom: row.validFrom,
    validTo: row.validTo,
    state: validity.state,
    expiresSoon: validity.expiresSoon,
    acceptsHolds: validity.state === "ACTIVE",
    currency: row.currency,
    subsidyRateBps: row.subsidyRateBps,
    listValueMinor: toSafeNumber(row.listValueMinor),
    programmeShareMinor: toSafeNumber(row.programmeShareMinor),
    tenantShareMinor: toSafeNumber(row.tenantShareMinor),
    pricing: priceAward(
      row.request.lines.map((line) => ({
        resourceClassId: line.resourceClassId,
        requestedUnitHours: line.unitHours,
        grantedUnitHours: line.grantedUnitHours,
        listPriceMinorPerHour: line.listPriceMinorPerHour,
      })),
      row.subsidyRateBps,
      true,
    ),
    pricedClasses: row.request.lines.map(({ resourceClass: { id, code, name, kind, unit } }) => ({
      id,
      code,
      name,
      kind,
      unit,
    })),
    repricedClasses: row.request.lines
      .filter(
        (line) =>
          (line.grantedUnitHours ?? 0) > 0 &&
          line.resourceClass.listPriceMinorPerHour !== line.listPriceMinorPerHour,
      )
      .map((line) => ({
        name: line.resourceClass.name,
        kind: line.resourceClass.kind,
        unit: line.resourceClass.unit,
        quotedMinor: line.listPriceMinorPerHour,
        nowMinor: line.resourceClass.listPriceMinorPerHour,
      })),
    createdAt: row.createdAt,
    lines: row.lines.map((line) => {
      const figures = withOpenLeaseUsage(
        {
          granted: line.grantedUnitSeconds,
          held: line.heldUnitSeconds,
          consumed: line.consumedUnitSeconds,
        },
        openLeases.get(line.id),
      );
      return {
        id: line.id,
        resourceClass: line.resourceClass,
        grantedUnitSeconds: toSafeNumber(line.grantedUnitSeconds),
        heldUnitSeconds: toSafeNumber(figures.held),
        consumedUnitSeconds: toSafeNumber(figures.consumed),
        unsettledUnitSeconds: toSafeNumber(figures.meteredUnderLeases),
        remainingUnitSeconds: toSafeNumber(
          countsTokens(line.resourceClass.kind)
            ? tokensLeft(line.grantedUnitSeconds, figures.consumed)
            : figures.remaining,
        ),
        listPriceMinorPerHour: line.listPriceMinorPerHour,
        holders: countsTokens(line.resourceClass.kind) ? [] : (holders.get(line.id) ?? []),
      };
    }),
  };
}
