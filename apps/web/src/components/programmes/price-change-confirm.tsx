"use client";

import { useState } from "react";
import { ConfirmDialog } from "@tessera/ui";
import { formatDateTime, formatTime, formatZonedDay, t, tp } from "@/i18n";
import { formatHourlyRate, formatMoney } from "./format";
import type { PriceChangePreview } from "./types";

const STEP_ID = "price-change-step";

/** A time later today as "15:40 UTC", on another day with its date; null when it is due now. */
function comingTime(at: Date, now: Date): string | null {
  if (at.getTime() - now.getTime() < 60_000) return null;
  return at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10)
    ? formatTime(at)
    : formatDateTime(at);
}

/** The calendar day a billing month starts on, in the zone it is cut in. */
function billingDay(at: Date, zone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(at);
  return formatZonedDay(day, zone);
}

/**
 * A tokens class's callers: the last days' calls through the gateway, what their tokens cost at
 * the current price and at the new one, who holds a token lease now, and the organisations with
 * the most tokens.
 */
function TokenCalls({
  calls,
  currency,
}: {
  calls: NonNullable<PriceChangePreview["calls"]>;
  currency: string;
}) {
  const c = tp.catalogue.priceChange;
  const money = (minor: number) => formatMoney(minor, currency);
  const called = calls.tokens > 0 || calls.apiKeys > 0;
  return (
    <>
      <p data-testid="price-change-summary">
        {called
          ? c.callsCost(calls.days, money(calls.fromMinor), money(calls.toMinor), calls)
          : calls.leasing > 0
            ? c.noCallsButLeases(calls.days, calls.leasing)
            : c.noCalls(calls.days)}
        {called && calls.leasing > 0 ? ` ${c.leasing(calls.leasing, calls.organisations)}` : ""}
      </p>
      {called && calls.callers.length > 0 ? (
        <div>
          <p className="text-sm font-semibold">
            {c.callersCaption(calls.callers.length, calls.organisations)}
          </p>
          <ul className="mt-1 divide-y divide-line text-sm" data-testid="price-change-callers">
            {calls.callers.map((caller) => (
              <li key={caller.organisationId} className="py-1.5">
                <span className="font-semibold wrap-anywhere">{caller.organisationName}</span>
                <span className="block text-fg-muted">
                  {c.callerTokens(caller.tokens, caller.apiKeys)}
                  {caller.holdsLease ? ` · ${c.callerLease}` : ""}
                </span>
                <span className="block">
                  {c.callerCost(money(caller.fromMinor), money(caller.toMinor))}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/**
 * Asks once before a class's list price changes, with what the server worked out the change
 * touches, in the words of what billing will do: the price before and after; the running jobs and
 * live endpoints on the class and whose they are; that a running job keeps its price (until its
 * next billing month) and each endpoint moves to the new one at its next lease window, about when;
 * an hour of them now and once every endpoint has renewed. For a tokens class, which runs nothing,
 * the last days' calls through the gateway instead (TokenCalls). A change to free, from free, or
 * by ten times or more needs its box ticked as well (the server refuses it otherwise).
 */
export function PriceChangeConfirm({
  preview,
  openedAtPriceMinor,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: PriceChangePreview | null;
  /** The price the page showed when it was opened: someone may have changed it since. */
  openedAtPriceMinor: number | null;
  busy: boolean;
  onConfirm: (deliberate: boolean) => void;
  onCancel: () => void;
}) {
  const c = tp.catalogue.priceChange;
  const [ticked, setTicked] = useState(false);
  const [untickedError, setUntickedError] = useState(false);
  const currency = preview?.resourceClass.currency ?? "EUR";
  const rate = (milliMinor: number) => formatHourlyRate(milliMinor, currency);
  const close = () => {
    setTicked(false);
    setUntickedError(false);
    onCancel();
  };
  const confirm = () => {
    if (preview?.step && !ticked) {
      setUntickedError(true);
      document.getElementById(STEP_ID)?.focus();
      return;
    }
    onConfirm(ticked);
  };
  const touched = preview ? preview.runningJobs + preview.liveEndpoints : 0;
  return (
    <ConfirmDialog
      open={preview !== null}
      title={preview ? c.title(preview.resourceClass.name) : ""}
      confirmLabel={c.confirm}
      cancelLabel={t.common.cancel}
      busy={busy}
      onConfirm={confirm}
      onCancel={close}
    >
      {preview ? (
        <div className="space-y-3" data-testid="price-change-confirm">
          <p className="font-bold" data-testid="price-change-prices">
            {c.prices(
              formatMoney(preview.fromPriceMinor, currency),
              formatMoney(preview.toPriceMinor, currency),
              preview.pricedUnit,
            )}
          </p>
          {openedAtPriceMinor !== null && openedAtPriceMinor !== preview.fromPriceMinor ? (
            <p className="rounded-md border-2 border-warning-fg p-3" data-testid="price-moved">
              {c.movedSinceOpened(
                formatMoney(openedAtPriceMinor, currency),
                formatMoney(preview.fromPriceMinor, currency),
              )}
            </p>
          ) : null}
          <p>{preview.calls ? c.takesEffectTokens : c.takesEffect}</p>
          {preview.calls ? (
            <TokenCalls calls={preview.calls} currency={currency} />
          ) : touched === 0 ? (
            <p data-testid="price-change-summary">{c.nothingRuns}</p>
          ) : (
            <p data-testid="price-change-summary">
              {c.onItNow(preview.runningJobs, preview.liveEndpoints, preview.organisations)}{" "}
              {preview.hour
                ? c.hourOfAll(
                    c.units(preview.unitsNow, preview.resourceClass.unit),
                    rate(preview.hour.fromMilliMinor),
                    preview.endpointsRenewedBy ? rate(preview.hour.toMilliMinor) : null,
                    preview.endpointsRenewedBy
                      ? (comingTime(preview.endpointsRenewedBy, preview.computedAt) ??
                          formatTime(preview.computedAt))
                      : null,
                  )
                : null}
            </p>
          )}
          {preview.waitingJobs > 0 ? <p>{c.waiting(preview.waitingJobs)}</p> : null}
          {preview.workloads.length > 0 ? (
            <div>
              <p className="text-sm font-semibold">
                {c.listCaption(preview.workloads.length, touched)}
              </p>
              <ul className="mt-1 divide-y divide-line text-sm" data-testid="price-change-list">
                {preview.workloads.map((workload) => (
                  <li key={workload.id} className="py-1.5">
                    <span className="font-semibold wrap-anywhere">{workload.name}</span>{" "}
                    <span className="text-fg-muted">
                      ({workload.kind === "TRAINING_JOB" ? c.job : c.endpoint})
                    </span>
                    <span className="block wrap-anywhere text-fg-muted">
                      {workload.organisationName} ·{" "}
                      {c.units(workload.unitsNow, preview.resourceClass.unit)}
                      {workload.replicasNow !== null
                        ? ` (${c.replicas(workload.replicasNow)})`
                        : ""}
                    </span>
                    {workload.hour ? (
                      <span className="block">
                        {workload.unitsNow === 0
                          ? c.scaledToZero
                          : workload.kind === "TRAINING_JOB"
                            ? workload.walltimeEndsAt !== null &&
                              workload.walltimeEndsAt <= workload.newPriceFrom
                              ? c.jobHourToEnd(
                                  rate(workload.hour.fromMilliMinor),
                                  formatDateTime(workload.walltimeEndsAt),
                                )
                              : c.jobHour(
                                  rate(workload.hour.fromMilliMinor),
                                  rate(workload.hour.toMilliMinor),
                                  billingDay(workload.newPriceFrom, workload.billingTimeZone),
                                )
                            : c.endpointHour(
                                rate(workload.hour.fromMilliMinor),
                                rate(workload.hour.toMilliMinor),
                                comingTime(workload.newPriceFrom, preview.computedAt),
                              )}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.step ? (
            <div
              className={
                untickedError
                  ? "rounded-md border-2 border-danger p-3"
                  : "rounded-md border-2 border-warning-fg p-3"
              }
            >
              {untickedError ? (
                <p id={`${STEP_ID}-error`} className="mb-2 text-sm font-semibold text-danger">
                  <span className="sr-only">{t.common.errorPrefix} </span>
                  {c.tickToConfirm}
                </p>
              ) : null}
              <div className="flex items-start gap-2">
                <input
                  id={STEP_ID}
                  type="checkbox"
                  className="mt-0.5 size-5 shrink-0"
                  checked={ticked}
                  aria-invalid={untickedError || undefined}
                  aria-describedby={untickedError ? `${STEP_ID}-error` : undefined}
                  onChange={(event) => {
                    setTicked(event.target.checked);
                    if (event.target.checked) setUntickedError(false);
                  }}
                />
                <label htmlFor={STEP_ID} className="font-semibold">
                  {preview.step === "TO_FREE"
                    ? c.toFree(preview.resourceClass.name, preview.calls !== null)
                    : preview.step === "FROM_FREE"
                      ? c.fromFree(preview.resourceClass.name, preview.calls !== null)
                      : c.largeChange(preview.largeFactor)}
                </label>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
