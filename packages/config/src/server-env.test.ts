import { describe, expect, it } from "vitest";
import { serverEnv } from "./server-env";

const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-real-production-secret-of-enough-length-0123",
  APP_URL: "https://tessera.example.gov",
  BILLING_SUPPLIER_VAT_ID: "DE123456789",
};

describe("DEV_OUTBOX_ENABLED", () => {
  it("is off unless explicitly enabled", () => {
    expect(serverEnv({}).DEV_OUTBOX_ENABLED).toBe(false);
    expect(serverEnv({ DEV_OUTBOX_ENABLED: "true" }).DEV_OUTBOX_ENABLED).toBe(true);
    expect(serverEnv({ DEV_OUTBOX_ENABLED: "false" }).DEV_OUTBOX_ENABLED).toBe(false);
  });

  it("makes a production configuration refuse to start, naming the variable", () => {
    expect(() => serverEnv({ ...PRODUCTION, DEV_OUTBOX_ENABLED: "true" })).toThrow(
      /DEV_OUTBOX_ENABLED: the development outbox may only be enabled for a portal served on localhost/,
    );
    expect(serverEnv(PRODUCTION).DEV_OUTBOX_ENABLED).toBe(false);
  });

  it("may be on for the production build served on localhost (the quick start, the e2e tests)", () => {
    const local = { ...PRODUCTION, APP_URL: "http://localhost:3000", DEV_OUTBOX_ENABLED: "true" };
    expect(serverEnv(local).DEV_OUTBOX_ENABLED).toBe(true);
  });

  it("does not stop `next build`, which loads server modules without runtime settings", () => {
    const building = {
      ...PRODUCTION,
      DEV_OUTBOX_ENABLED: "true",
      NEXT_PHASE: "phase-production-build",
    };
    expect(serverEnv(building).DEV_OUTBOX_ENABLED).toBe(true);
  });
});

describe("the invoice supplier (BILLING_SUPPLIER_*)", () => {
  const SUPPLIER = {
    BILLING_SELLER_COUNTRY: "BE",
    BILLING_SUPPLIER_NAME: "National Compute Platform NV",
    BILLING_SUPPLIER_ADDRESS: "Wetstraat 1, 1000 Brussel, Belgium",
    BILLING_SUPPLIER_VAT_ID: "BE 0123.456.789",
  };

  it("has the demo operator and 30 days' payment terms in development", () => {
    const env = serverEnv({});
    expect(env).toMatchObject({
      BILLING_SUPPLIER_NAME: "Tessera Platform Operator (demonstration)",
      BILLING_SUPPLIER_ADDRESS: "Beispielstraße 1, 10115 Berlin, Germany",
      BILLING_SUPPLIER_VAT_ID: "DE000000000",
      INVOICE_PAYMENT_TERMS_DAYS: 30,
    });
  });

  it("makes a public production portal without the operator's VAT id refuse to start", () => {
    const { BILLING_SUPPLIER_VAT_ID: _set, ...unset } = PRODUCTION;
    expect(() => serverEnv(unset)).toThrow(
      /BILLING_SUPPLIER_VAT_ID: set the platform operator's VAT id/,
    );
    expect(() => serverEnv({ ...PRODUCTION, ...SUPPLIER, BILLING_SUPPLIER_VAT_ID: "" })).toThrow(
      /BILLING_SUPPLIER_VAT_ID: a VAT id/,
    );
  });

  it("starts in production with the operator's own settings, the VAT id written compactly", () => {
    const env = serverEnv({ ...PRODUCTION, ...SUPPLIER, INVOICE_PAYMENT_TERMS_DAYS: "14" });
    expect(env).toMatchObject({
      BILLING_SUPPLIER_NAME: "National Compute Platform NV",
      BILLING_SUPPLIER_VAT_ID: "BE0123456789",
      INVOICE_PAYMENT_TERMS_DAYS: 14,
    });
  });

  it("allows the demo operator on a production build served on localhost (the quick start, e2e)", () => {
    const { BILLING_SUPPLIER_VAT_ID: _set, ...unset } = PRODUCTION;
    const local = { ...unset, APP_URL: "http://localhost:3000" };
    expect(serverEnv(local).BILLING_SUPPLIER_VAT_ID).toBe("DE000000000");
  });

  it("refuses a VAT id of another country than the operator's", () => {
    expect(() => serverEnv({ ...SUPPLIER, BILLING_SUPPLIER_VAT_ID: "DE123456789" })).toThrow(
      /BILLING_SUPPLIER_VAT_ID: must start with BE, the prefix of BILLING_SELLER_COUNTRY \(BE\)/,
    );
    expect(
      serverEnv({ BILLING_SELLER_COUNTRY: "GR", BILLING_SUPPLIER_VAT_ID: "EL123456789" })
        .BILLING_SUPPLIER_VAT_ID,
    ).toBe("EL123456789");
  });

  it("refuses payment terms that are not a whole number of days up to 120", () => {
    expect(() => serverEnv({ INVOICE_PAYMENT_TERMS_DAYS: "thirty" })).toThrow(
      /INVOICE_PAYMENT_TERMS_DAYS/,
    );
    expect(() => serverEnv({ INVOICE_PAYMENT_TERMS_DAYS: "121" })).toThrow(
      /INVOICE_PAYMENT_TERMS_DAYS/,
    );
  });
});
