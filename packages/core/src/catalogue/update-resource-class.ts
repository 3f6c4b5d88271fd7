import { Prisma, type Database, type ResourceClass } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { formatMoney } from "../programmes/money";
import { TX_OPTIONS } from "../transaction";
import { changedFields } from "./changed-fields";
import { classUnitAndPower } from "./create-resource-class";
import { countsTokens, pricedUnitName } from "./metering-unit";
import { latestPriceVersionId } from "./preview-price-change";
import { priceChangeStep } from "./price-change-rules";

/**
 * What the operator confirmed a price change against (previewPriceChange): the price version they
 * reviewed, the price they confirmed, and — when the preview asked for it — the deliberate step.
 */
export interface PriceChangeConfirmation {
  priceVersionId: string;
  toPriceMinor: number;
  deliberate?: boolean;
}

export interface UpdateResourceClassInput {
  resourceClassId: string;
  name?: string;
  unit?: string;
  listPriceMinorPerHour?: number;
  powerDrawWatts?: number;
  active?: boolean;
  /** Needed when the list price changes; not for other fields. */
  priceConfirmation?: PriceChangeConfirmation;
}

/**
 * Changes a class's name, unit, price, power draw or availability. Code, kind and currency stay:
 * applications and allocations refer to them. A new price applies to applications saved from now
 * on; allocations keep the price they were granted at, and usage is billed at the price version in
 * force when it ran (a new version opens with each change, per unit-hour or per million tokens).
 *
 * A price change takes effect at once, so it is saved only as confirmed: against the price
 * version the operator reviewed (refused if someone changed the price since), at the price they
 * reviewed, and with the deliberate step the preview asked for (a change to free or by ten times).
 */
export async function updateResourceClass(
  database: Database,
  actor: Actor,
  input: UpdateResourceClassInput,
): Promise<ResourceClass> {
  return database.$transaction(async (tx) => {
    // Lock the class first, so that two price changes confirmed against the same version are
    // decided one after the other and the second sees the first's version.
    await tx.$queryRaw(Prisma.sql`
      SELECT 1 FROM "ResourceClass" WHERE "id" = ${input.resourceClassId} FOR UPDATE`);
    const current = await tx.resourceClass.findUnique({ where: { id: input.resourceClassId } });
    if (!current) throw notFound("Resource class");
    const toPrice = input.listPriceMinorPerHour;
    if (toPrice !== undefined && toPrice !== current.listPriceMinorPerHour) {
      await checkPriceConfirmation(tx, current, toPrice, input.priceConfirmation);
    }
    // A tokens class keeps its unit and its zero power draw (classUnitAndPower refuses others).
    if (countsTokens(current.kind)) classUnitAndPower(current.kind, input);
    const patch = {
      name: input.name?.trim(),
      unit: input.unit?.trim(),
      listPriceMinorPerHour: input.listPriceMinorPerHour,
      powerDrawWatts: input.powerDrawWatts,
      active: input.active,
    };
    const changes = changedFields(current, patch);
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.resourceClass.update({ where: { id: current.id }, data: patch });
    await recordAuditEvent(tx, actor, {
      // A new list price is its own action, so that the log can be filtered to price changes.
      action: changes.listPriceMinorPerHour
        ? "resource_class.price_changed"
        : "resource_class.updated",
      targetType: "ResourceClass",
      targetId: current.id,
      data: {
        code: current.code,
        currency: current.currency,
        changes,
        ...(changes.listPriceMinorPerHour && input.priceConfirmation
          ? { priceConfirmedAgainst: input.priceConfirmation.priceVersionId }
          : {}),
      },
    });
    return updated;
  }, TX_OPTIONS);
}

/** Refuses a price change that does not carry the confirmation its preview asked for. */
async function checkPriceConfirmation(
  tx: Prisma.TransactionClient,
  current: ResourceClass,
  toPrice: number,
  confirmation: PriceChangeConfirmation | undefined,
): Promise<void> {
  const money = (minor: number) =>
    `${formatMoney(minor, current.currency)} per ${pricedUnitName(current)}`;
  if (!confirmation) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `A price change of ${current.name} takes effect when it is saved: review what it touches and confirm it first. Nothing was changed.`,
    );
  }
  if (confirmation.priceVersionId !== (await latestPriceVersionId(tx, current.id))) {
    throw new AppError(
      "CONFLICT",
      `The price of ${current.name} was changed by someone else since you opened this (it is now ${money(current.listPriceMinorPerHour)}): review the change again. Nothing was changed.`,
    );
  }
  if (confirmation.toPriceMinor !== toPrice) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `The price you confirmed (${money(confirmation.toPriceMinor)}) is not the price sent (${money(toPrice)}): review the change again. Nothing was changed.`,
    );
  }
  const step = priceChangeStep(current.listPriceMinorPerHour, toPrice);
  const billed = countsTokens(current.kind)
    ? "calls to its models through the gateway from now are billed"
    : "jobs that start and endpoint lease windows that open on it from now are billed";
  if (step && confirmation.deliberate !== true) {
    throw new AppError(
      "PRECONDITION_FAILED",
      step === "TO_FREE"
        ? `Making ${current.name} free means ${billed} nothing: tick the box that says so to confirm. Nothing was changed.`
        : step === "FROM_FREE"
          ? `This makes ${current.name} charge again (${money(toPrice)} from ${money(0)}): ${billed}. Tick the box that says so to confirm. Nothing was changed.`
          : `This changes the price of ${current.name} by ten times or more (from ${money(current.listPriceMinorPerHour)} to ${money(toPrice)}): tick the box that says so to confirm. Nothing was changed.`,
    );
  }
}
