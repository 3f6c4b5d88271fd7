import type { StripeGateway } from "@tessera/core";
import type { Database } from "@tessera/db";
import type { DriverRegistry } from "../drivers";
import type { EndpointDriverRegistry } from "../endpoint-drivers";
import type { Logger } from "../logger";
import type { QueueSet } from "../queues";
import type { SweepLock } from "../sweep-lock";

export interface HandlerSettings {
  /** How long a backend job may be missing before its workload is LOST (LOST_GRACE_SECONDS). */
  lostGraceSeconds: number;
  /** How long after dispatch an unsubmitted launch with no queued job is re-driven. */
  redriveAfterMs: number;
  /** Lines of stdout/stderr kept as the workload's output tail. */
  outputTailLines: number;
  /** The platform's VAT country (BILLING_SELLER_COUNTRY). */
  sellerCountry: string;
  /** Days after a month ends before its invoices are finalised (INVOICE_GRACE_DAYS). */
  invoiceGraceDays: number;
  /** Organisations finalised per transaction of the invoice run (INVOICE_BATCH_SIZE). */
  invoiceBatchSize: number;
  /** Batches of the invoice run finalised at once (INVOICE_CONCURRENCY). */
  invoiceConcurrency: number;
}

export const DEFAULT_HANDLER_SETTINGS: HandlerSettings = {
  lostGraceSeconds: 300,
  redriveAfterMs: 10_000,
  outputTailLines: 50,
  sellerCountry: "DE",
  invoiceGraceDays: 3,
  invoiceBatchSize: 500,
  invoiceConcurrency: 2,
};

/** What every handler works with; built once per worker process. */
export interface HandlerContext {
  database: Database;
  drivers: DriverRegistry;
  /** The endpoint drivers of clusters that serve inference endpoints. */
  endpoints: EndpointDriverRegistry;
  queues: QueueSet;
  log: Logger;
  settings: HandlerSettings;
  /** Keeps a sweep from running twice at once across processes; absent, sweeps may overlap. */
  sweepLock?: SweepLock;
  /** Stripe, when STRIPE_SECRET_KEY is set; absent, invoices wait (pending) to be pushed. */
  stripe?: StripeGateway | null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
