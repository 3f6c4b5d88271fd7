import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("takes the entry the one proxy in front appended, not the first value a client sent", () => {
    const spoofed = headers({ "x-forwarded-for": "198.51.100.99, 203.0.113.7" });
    expect(clientAddress(spoofed, 1)).toBe("203.0.113.7");
  });

  it("ignores any number of values a client put before the proxy's own", () => {
    const spoofed = headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.7" });
    expect(clientAddress(spoofed, 1)).toBe("203.0.113.7");
  });

  it("with two proxies, skips the address the outer one was reached from by the inner one", () => {
    const chain = headers({ "x-forwarded-for": "198.51.100.99, 203.0.113.7, 10.0.0.2" });
    expect(clientAddress(chain, 2)).toBe("203.0.113.7");
    expect(clientAddress(chain, 3)).toBe("198.51.100.99");
  });

  it("gives the left-most entry when the header is shorter than the chain", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), 3)).toBe("203.0.113.7");
  });

  it("counts a setting below one as one (Next.js fills the header in itself)", () => {
    const chain = headers({ "x-forwarded-for": "198.51.100.99, 203.0.113.7" });
    expect(clientAddress(chain, 0)).toBe("203.0.113.7");
  });

  it("skips empty entries and spaces", () => {
    expect(
      clientAddress(headers({ "x-forwarded-for": " 198.51.100.99 ,, 203.0.113.7 , " }), 1),
    ).toBe("203.0.113.7");
  });

  it("uses X-Real-IP when there is no X-Forwarded-For, and nothing when neither says anything", () => {
    expect(clientAddress(headers({ "x-real-ip": " 203.0.113.8 " }), 1)).toBe("203.0.113.8");
    expect(
      clientAddress(headers({ "x-forwarded-for": " , ", "x-real-ip": "203.0.113.8" }), 1),
    ).toBe("203.0.113.8");
    expect(clientAddress(headers({}), 1)).toBeNull();
    expect(clientAddress(headers({ "x-real-ip": "  " }), 1)).toBeNull();
  });

  it("keeps no more of an entry than an address can be", () => {
    const long = "a".repeat(500);
    expect(clientAddress(headers({ "x-forwarded-for": long }), 1)).toHaveLength(64);
  });
});
