import { Badge, type Tone } from "@tessera/ui";
import { tb } from "@/i18n";
import type { PaymentStatus } from "./types";

/**
 * Billing statuses in the portal's one badge vocabulary: each has a tone (colour and mark) and a
 * word; pages never pick colours for statuses themselves.
 */
const PAYMENT_TONE: Record<PaymentStatus, Tone> = {
  NOT_DUE: "neutral",
  PENDING: "info",
  OPEN: "warning",
  PAID: "success",
  VOID: "neutral",
  UNCOLLECTIBLE: "danger",
};

const KIND_TONE = { INVOICE: "success", CREDIT_NOTE: "info", DRAFT: "warning" } as const;

export function PaymentBadge({ status }: { status: PaymentStatus }) {
  return (
    <Badge tone={PAYMENT_TONE[status]}>
      <span data-testid="payment-status">{tb.payment[status]}</span>
    </Badge>
  );
}

export function InvoiceKindBadge({ kind }: { kind: keyof typeof KIND_TONE }) {
  return <Badge tone={KIND_TONE[kind]}>{tb.kind[kind]}</Badge>;
}
