import { describe, expect, it } from "vitest";
import { enHome } from "./en-home";

describe("a quota line's wording", () => {
  const detail = enHome.home.organisation.lineDetail;

  it("names jobs and endpoints each with their share when both hold", () => {
    expect(
      detail("1 GPU-hour", "5 GPU-hours", { jobs: "2 GPU-hours", endpoints: "3 GPU-hours" }),
    ).toBe("1 GPU-hour used, 5 GPU-hours held: 2 GPU-hours by jobs, 3 GPU-hours by endpoints");
  });

  it("never says jobs hold what only endpoints hold", () => {
    const text = detail("0 GPU-hours", "3 GPU-hours", { jobs: null, endpoints: "3 GPU-hours" });
    expect(text).toBe("0 GPU-hours used, 3 GPU-hours held by endpoints");
    expect(text).not.toContain("jobs");
  });

  it("says jobs hold it when only jobs do, and names no one when nothing is held", () => {
    expect(detail("0 GPU-hours", "2 GPU-hours", { jobs: "2 GPU-hours", endpoints: null })).toBe(
      "0 GPU-hours used, 2 GPU-hours held by jobs",
    );
    expect(detail("4 GPU-hours", "0 GPU-hours", { jobs: null, endpoints: null })).toBe(
      "4 GPU-hours used, 0 GPU-hours held",
    );
  });
});

describe("a shared model's tokens line", () => {
  const detail = enHome.home.organisation.tokensLineDetail;

  it("says the held tokens are the gateway's reservation for the next calls, not calls in progress, and when they return", () => {
    const text = detail("74 tokens", "99,926 tokens");
    expect(text).toBe(
      "74 tokens used; of what is left, 99,926 tokens reserved by the gateway for this organisation's next calls (what they do not use is returned within about 30 seconds)",
    );
    expect(text).not.toContain("in progress");
  });

  it("quotes the gateway's own lease time", async () => {
    const { TOKEN_LEASE_MS } = await import("@tessera/core/token-lease");
    expect(detail("1 token", "2 tokens")).toContain(`about ${TOKEN_LEASE_MS / 1000} seconds`);
  });

  it("mentions no reservation when nothing is held", () => {
    expect(detail("74 tokens", null)).toBe("74 tokens used");
  });
});

describe("a quota line's award", () => {
  it("is named by its application's title with the programme, so two awards of a class differ", () => {
    const from = enHome.home.organisation.fromAward;
    expect(from("Speech encoder pilot runs", "National AI Compute Programme 2026")).toBe(
      "from Speech encoder pilot runs (National AI Compute Programme 2026)",
    );
    expect(from("Speech encoder pilot runs", "National AI Compute Programme 2026")).not.toBe(
      from("Multilingual speech encoders", "National AI Compute Programme 2026"),
    );
  });
});
