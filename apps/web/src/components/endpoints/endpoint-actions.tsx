"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, TextInput } from "@tessera/ui";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { parseWholeNumber } from "@/components/programmes/format";
import { formatQuota } from "@/components/workloads/format";
import { t, te } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { rateOf } from "@tessera/core/pricing";
import { inScaleRange, scaleRangeOf } from "@tessera/core/replica-rules";
import { formatHourlyRate } from "@/components/programmes/format";
import { replicaNotice, type ReplicaRequest } from "./replica-notice";
import { isLive, type EndpointCost, type EndpointDetail } from "./types";

/**
 * Where the member's last request has got to, read from the endpoint each time the page follows
 * it: never a sentence the endpoint has already moved past.
 */
function RequestProgress({
  request,
  endpoint,
}: {
  request: ReplicaRequest | null;
  endpoint: EndpointDetail;
}) {
  const notice = request ? replicaNotice(request, endpoint) : null;
  return (
    <div aria-live="polite" data-testid="endpoint-request">
      {notice ? (
        <Alert tone={notice.settled ? "success" : "info"} role="status" title={notice.message} />
      ) : null}
    </div>
  );
}

/**
 * What the replicas typed in would cost an hour, and the change from now for the organisation,
 * by the rate the page's "What it costs" shows (rateOf, to the thousandth of a cent), so the
 * figure beside the decision is the one the page explains.
 */
function ScalePrice({
  cost,
  unitsPerReplica,
  replicas,
}: {
  cost: EndpointCost | undefined;
  unitsPerReplica: number;
  replicas: number | null;
}) {
  const a = te.actions;
  if (!cost || replicas === null || replicas < 1) return null;
  const rate = (milliMinor: number) => formatHourlyRate(milliMinor, cost.currency);
  const next = rateOf(
    replicas * unitsPerReplica,
    cost.terms.minorPerUnitHour,
    cost.terms.subsidyRateBps,
    cost.terms.kind,
  );
  const change = next.tenantShareMilliMinor - cost.hour.tenantMilliMinor;
  return (
    <p id="endpoint-scale-price" className="text-sm" data-testid="scale-price">
      {a.scalePrice(replicas, rate(next.listMilliMinor), rate(next.tenantShareMilliMinor))}{" "}
      {change === 0 ? a.scaleSame : a.scaleChange(rate(Math.abs(change)), change > 0)}
    </p>
  );
}

/**
 * What a member can change: the number of replicas, scale to zero (asked once: it stops serving,
 * and holds nothing while at zero) or wake, and delete (asked once, naming what happens to the
 * hold). Scale to zero is offered only to an endpoint whose minimum is 0; otherwise the page says
 * why. Each request's progress is announced as the page follows the endpoint to its new state.
 */
export function EndpointActions({
  organizationId,
  endpoint,
  cost,
  onChanged,
}: {
  organizationId: string;
  endpoint: EndpointDetail;
  /** What it costs now, when known: the scale control prices the replicas typed in from it. */
  cost?: EndpointCost;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const a = te.actions;
  const outcome = useNotice();
  const [request, setRequest] = useState<ReplicaRequest | null>(null);
  /** A request was accepted: its progress replaces any earlier notice. */
  const accepted = (next: ReplicaRequest) => () => {
    outcome.clear();
    setRequest(next);
    onChanged();
  };
  const begin = () => {
    outcome.clear();
    setRequest(null);
  };
  const [replicas, setReplicas] = useState(String(Math.max(1, endpoint.desiredReplicas)));
  const [scaleError, setScaleError] = useState<string | null>(null);
  const ref = { organizationId, endpointId: endpoint.id };
  const options = { onError: outcome.fail };
  const scale = useMutation(trpc.endpoints.scale.mutationOptions(options));
  const stop = useMutation(trpc.endpoints.scaleToZero.mutationOptions(options));
  const wake = useMutation(trpc.endpoints.wake.mutationOptions(options));
  const remove = useMutation(trpc.endpoints.delete.mutationOptions(options));

  if (!isLive(endpoint.status))
    return (
      <div className="space-y-3">
        <ActionNotice notice={outcome.notice} errorTitle={t.common.errorSummaryTitle} />
        <RequestProgress request={request} endpoint={endpoint} />
        <p className="text-sm text-fg-muted">{a.notLive}</p>
      </div>
    );

  const atZero = endpoint.desiredReplicas === 0;
  const range = scaleRangeOf(endpoint);
  const held = formatQuota(endpoint.heldUnitSeconds, endpoint.resourceClass.unit);

  const typed = parseWholeNumber(replicas);
  const typedFits = inScaleRange(range, typed);
  const describedBy = [
    "endpoint-scale-hint",
    scaleError ? "endpoint-scale-error" : null,
    typedFits && cost ? "endpoint-scale-price" : null,
  ]
    .filter(Boolean)
    .join(" ");

  function onScale(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const count = parseWholeNumber(replicas);
    if (!inScaleRange(range, count)) {
      setScaleError(a.scaleInvalid(range));
      return;
    }
    setScaleError(null);
    begin();
    scale.mutate(
      { ...ref, replicas: count },
      { onSuccess: accepted({ kind: "scale", replicas: count }) },
    );
  }

  return (
    <div className="space-y-4" data-testid="endpoint-actions">
      <ActionNotice notice={outcome.notice} errorTitle={t.common.errorSummaryTitle} />
      <RequestProgress request={request} endpoint={endpoint} />
      {atZero ? null : (
        <form noValidate onSubmit={onScale} className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="endpoint-scale" className="block font-semibold">
              {a.scaleLabel}
            </label>
            <p id="endpoint-scale-hint" className="text-sm text-fg-muted">
              {a.scaleHint(range)}
            </p>
            {scaleError ? (
              <p
                id="endpoint-scale-error"
                role="alert"
                className="text-sm font-semibold text-danger"
              >
                {scaleError}
              </p>
            ) : null}
            <TextInput
              id="endpoint-scale"
              inputMode="numeric"
              value={replicas}
              onChange={(event) => setReplicas(event.target.value)}
              invalid={scaleError !== null}
              aria-describedby={describedBy}
              className="w-24"
            />
            <div aria-live="polite">
              <ScalePrice
                cost={cost}
                unitsPerReplica={endpoint.unitsPerReplica}
                replicas={typedFits ? typed : null}
              />
            </div>
          </div>
          <Button type="submit" variant="secondary" busy={scale.isPending}>
            {a.scale}
          </Button>
        </form>
      )}
      <div className="flex flex-wrap gap-3">
        {atZero ? (
          <Button
            busy={wake.isPending}
            onClick={() => {
              begin();
              wake.mutate(ref, { onSuccess: accepted({ kind: "wake" }) });
            }}
          >
            {a.wake}
          </Button>
        ) : endpoint.scalesToZero ? (
          <ActionWithConfirm
            label={a.stop}
            button={{ variant: "secondary" }}
            title={a.stopTitle(endpoint.name)}
            confirmLabel={a.stop}
            cancelLabel={a.keep}
            busy={stop.isPending}
            onConfirm={(close) => {
              begin();
              stop.mutate(ref, { onSuccess: accepted({ kind: "stop" }), onSettled: close });
            }}
          >
            <p>{a.stopBody}</p>
          </ActionWithConfirm>
        ) : null}
        <ActionWithConfirm
          label={a.delete}
          button={{ variant: "danger" }}
          title={a.deleteTitle(endpoint.name)}
          confirmLabel={a.deleteConfirm}
          cancelLabel={a.keep}
          busy={remove.isPending}
          onConfirm={(close) => {
            begin();
            remove.mutate(ref, { onSuccess: accepted({ kind: "delete" }), onSettled: close });
          }}
        >
          <p>{a.deleteBody}</p>
          <p className="mt-2">
            {endpoint.heldUnitSeconds > 0 ? a.deleteHold(held) : a.deleteNoHold}
          </p>
          {cost && cost.hour.tenantMilliMinor > 0 ? (
            <p className="mt-2">
              {a.deleteCost(formatHourlyRate(cost.hour.tenantMilliMinor, cost.currency))}
            </p>
          ) : null}
        </ActionWithConfirm>
      </div>
      {atZero || endpoint.scalesToZero ? null : (
        <p className="text-sm text-fg-muted" data-testid="endpoint-no-stop">
          {a.noStop(endpoint.minReplicas)}
        </p>
      )}
    </div>
  );
}
