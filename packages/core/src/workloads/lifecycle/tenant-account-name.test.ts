import { describe, expect, it } from "vitest";
import { ACCOUNT_NAME_MAX, tenantAccountName } from "./tenant-account-name";

describe("tenantAccountName", () => {
  it("is t_ and the slug with only [a-z0-9_]", () => {
    expect(tenantAccountName("quantum-lab", "org1")).toBe("t_quantum_lab");
    expect(tenantAccountName("Ünï--Lab..2", "org1")).toBe("t_n_lab_2");
  });

  it("fits 30 characters and keeps two long slugs with one start apart", () => {
    const slug = "national-institute-for-applied-machine-learning";
    const first = tenantAccountName(slug, "org-a");
    const second = tenantAccountName(slug, "org-b");
    expect(first.length).toBeLessThanOrEqual(ACCOUNT_NAME_MAX);
    expect(second.length).toBeLessThanOrEqual(ACCOUNT_NAME_MAX);
    expect(first).toMatch(/^t_national_institute_[a-z0-9_]+$/);
    expect(first).not.toBe(second);
    expect(tenantAccountName(slug, "org-a")).toBe(first);
  });

  it("never yields an empty tenant part", () => {
    expect(tenantAccountName("---", "org1")).toBe("t_org");
  });
});
