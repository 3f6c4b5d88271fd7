import { z } from "zod";
import { parseEnv, type EnvSource } from "./env";

const DEV_AUTH_SECRET = "tessera-development-secret-change-me-0123456789";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The platform operator that issues Tessera's invoices, for development and the demo. Its VAT id
 * is a placeholder: a production portal served to the public refuses to start with it.
 */
export const DEMO_INVOICE_SUPPLIER = {
  name: "Tessera Platform Operator (demonstration)",
  address: "Beispielstraße 1, 10115 Berlin, Germany",
  vatId: "DE000000000",
} as const;

/** A VAT id's prefix is its country code, except Greece's (EL). */
const VAT_PREFIX: Readonly<Record<string, string>> = { GR: "EL" };

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/**
 * Every environment variable Tessera reads, with its default. README's configuration table
 * mirrors this schema; `process.env` is read nowhere else.
 */
export const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    DATABASE_URL: z.string().min(1).default("postgresql://postgres@localhost:5432/tessera"),
    REDIS_URL: z.string().min(1).default("redis://127.0.0.1:6379"),
    AUTH_SECRET: z.string().min(32).default(DEV_AUTH_SECRET),
    OIDC_ISSUER: z.url().default("http://localhost:3001"),
    OIDC_CLIENT_ID: z.string().min(1).default("tessera-web"),
    OIDC_CLIENT_SECRET: z.string().min(1).default("tessera-dev-client-secret"),
    OIDC_PROVIDER_NAME: z.string().min(1).default("National Identity (development)"),
    DEV_IDP_PORT: z.coerce.number().int().positive().default(3001),
    MAIL_TRANSPORT: z.enum(["outbox", "smtp"]).default("outbox"),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Tessera <no-reply@tessera.localhost>"),
    /** Where people write for help, accessibility problems and privacy questions (the footer's pages). */
    CONTACT_EMAIL: z.email().default("support@tessera.localhost"),
    DEV_OUTBOX_ENABLED: bool.default(false),
    INVITATION_TTL_HOURS: z.coerce.number().int().positive().max(720).default(168),
    WORKER_HEALTH_PORT: z.coerce.number().int().positive().default(9464),
    WORKER_CONCURRENCY: z.coerce.number().int().positive().max(64).default(4),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/i)
      .default("tessera"),
    WORKER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    RECONCILE_EVERY_MS: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
    LOST_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    SLURM_JWT_KEY_FILE: z.string().min(1).default("/var/spool/slurm/statesave/jwt_hs256.key"),
    SLURM_USER_NAME: z.string().min(1).default("tessera"),
    /** The worker's kubeconfig for Kubernetes clusters (a ServiceAccount token, never an admin's). */
    KUBERNETES_KUBECONFIG: z
      .string()
      .min(1)
      .default("/var/lib/tessera-k8s/tessera-worker.kubeconfig"),
    KUBERNETES_GATEWAY_NAMESPACE: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/)
      .default("tessera-gateway"),
    /** Seconds after a change before a simulated endpoint's replicas are ready. */
    SIM_ENDPOINT_READY_SECONDS: z.coerce.number().int().min(0).max(3_600).default(5),
    /** Base URL of the simulated model server that serves every endpoint on a simulated cluster. */
    SIM_MODEL_SERVER_URL: z.url().default("http://localhost:3300"),
    /** Where tenants reach the OpenAI-compatible gateway; the portal's examples call it here. */
    GATEWAY_URL: z.url().default("http://localhost:3400"),
    RATE_LIMIT_DISABLED: bool.default(false),
    /**
     * How many reverse proxies of the platform stand in front of the portal, each appending to
     * X-Forwarded-For: the client's address is that many entries from the right.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    BILLING_SELLER_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default("DE"),
    /** The platform operator named on every invoice as the supplier: legal name. */
    BILLING_SUPPLIER_NAME: z.string().trim().min(1).max(120).default(DEMO_INVOICE_SUPPLIER.name),
    /** The supplier's postal address, on one line. */
    BILLING_SUPPLIER_ADDRESS: z
      .string()
      .trim()
      .min(1)
      .max(160)
      .default(DEMO_INVOICE_SUPPLIER.address),
    /** The supplier's VAT identification number, with its country prefix. */
    BILLING_SUPPLIER_VAT_ID: z
      .string()
      .transform((value) => value.replace(/[\s.-]/g, "").toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^[A-Z]{2}[A-Z0-9+*]{2,13}$/,
            "a VAT id: its country prefix, then 2 to 13 letters or digits",
          ),
      )
      .default(DEMO_INVOICE_SUPPLIER.vatId),
    /** Days after an invoice's issue date by which the tenant's share is due. */
    INVOICE_PAYMENT_TERMS_DAYS: z.coerce.number().int().min(0).max(120).default(30),
    INVOICE_GRACE_DAYS: z.coerce.number().int().min(0).max(28).default(3),
    /** The de minimis ceiling per undertaking over three rolling years, in euro cents (€300,000). */
    DE_MINIMIS_CEILING_MINOR: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000_000_000)
      .default(30_000_000),
    BILLING_EVERY_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
    /** Organisations whose invoices one transaction of the invoice run finalises. */
    INVOICE_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(500),
    /** Batches of the invoice run finalised at once, each on its own database connection. */
    INVOICE_CONCURRENCY: z.coerce.number().int().min(1).max(4).default(2),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_API_URL: z.url().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Set by Next.js; `next build` loads server modules but must not need runtime secrets. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    const building = env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !building && env.AUTH_SECRET === DEV_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "set a secret in production",
      });
    }
    // The development outbox shows mail with invitation links in it: never on a public portal.
    if (
      env.NODE_ENV === "production" &&
      !building &&
      env.DEV_OUTBOX_ENABLED &&
      !LOOPBACK_HOSTS.has(new URL(env.APP_URL).hostname)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["DEV_OUTBOX_ENABLED"],
        message: "the development outbox may only be enabled for a portal served on localhost",
      });
    }
    // Invoices name the operator as supplier: the demo's placeholder VAT id is for development and
    // for a portal served on localhost (the quick start, the e2e tests) only.
    if (
      env.NODE_ENV === "production" &&
      !building &&
      env.BILLING_SUPPLIER_VAT_ID === DEMO_INVOICE_SUPPLIER.vatId &&
      !LOOPBACK_HOSTS.has(new URL(env.APP_URL).hostname)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["BILLING_SUPPLIER_VAT_ID"],
        message:
          "set the platform operator's VAT id (and BILLING_SUPPLIER_NAME and BILLING_SUPPLIER_ADDRESS) in production; the demo's placeholder is for development",
      });
    }
    const prefix = VAT_PREFIX[env.BILLING_SELLER_COUNTRY] ?? env.BILLING_SELLER_COUNTRY;
    if (!env.BILLING_SUPPLIER_VAT_ID.startsWith(prefix)) {
      ctx.addIssue({
        code: "custom",
        path: ["BILLING_SUPPLIER_VAT_ID"],
        message: `must start with ${prefix}, the prefix of BILLING_SELLER_COUNTRY (${env.BILLING_SELLER_COUNTRY})`,
      });
    }
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "required when MAIL_TRANSPORT=smtp",
      });
    }
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once per process. */
export function serverEnv(source: EnvSource = process.env): ServerEnv {
  if (source !== process.env) return parseEnv(serverEnvSchema, source);
  cached ??= parseEnv(serverEnvSchema, source);
  return cached;
}
