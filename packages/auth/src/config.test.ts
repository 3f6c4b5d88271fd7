import { describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import type { Database } from "@tessera/db";
import { tesseraAuthConfig, usesSecureCookies } from "./config";

const env = serverEnv({ APP_URL: "https://tessera.example.org", NODE_ENV: "test" });
const config = tesseraAuthConfig(env, {} as Database, () =>
  Promise.resolve({ ip: null, userAgent: null }),
);

describe("tesseraAuthConfig", () => {
  it("uses database sessions and the national identity provider over OpenID Connect", () => {
    expect(config.session?.strategy).toBe("database");
    expect(config.trustHost).toBe(true);
    expect(config.pages?.signIn).toBe("/signin");
    const provider = config.providers[0] as { id: string; type: string; issuer: string };
    expect(provider).toMatchObject({ id: "national-id", type: "oidc", issuer: env.OIDC_ISSUER });
  });

  it("marks cookies Secure exactly when the portal is served over https", () => {
    expect(config.useSecureCookies).toBe(true);
    expect(usesSecureCookies("http://localhost:3000")).toBe(false);
  });

  it("makes session tokens long and unpredictable", () => {
    const first = config.session?.generateSessionToken?.() ?? "";
    const second = config.session?.generateSessionToken?.() ?? "";
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(first).not.toBe(second);
  });
});
