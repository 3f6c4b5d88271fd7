import { describe, expect, it } from "vitest";
import { serverEnv } from "./server-env";

const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-real-production-secret-of-enough-length-0123",
  APP_URL: "https://tessera.example.gov",
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
