import { describe, expect, it } from "vitest";
import { removesLastOwner, roleChangeRefusal } from "./role-rules";

describe("roleChangeRefusal", () => {
  it("lets an owner do anything", () => {
    expect(roleChangeRefusal("OWNER", "OWNER", "VIEWER")).toBeNull();
    expect(roleChangeRefusal("OWNER", "MEMBER", "OWNER")).toBeNull();
  });

  it("stops an admin from creating owners", () => {
    expect(roleChangeRefusal("ADMIN", "MEMBER", "OWNER")).toBe(
      "Only an owner can make someone an owner.",
    );
    expect(roleChangeRefusal("ADMIN", null, "OWNER")).toBe(
      "Only an owner can make someone an owner.",
    );
  });

  it("stops an admin from demoting or removing an owner", () => {
    expect(roleChangeRefusal("ADMIN", "OWNER", "ADMIN")).toMatch(/Only an owner/);
    expect(roleChangeRefusal("ADMIN", "OWNER", null)).toMatch(/Only an owner/);
  });

  it("lets an admin manage everyone below owner", () => {
    expect(roleChangeRefusal("ADMIN", "ADMIN", "MEMBER")).toBeNull();
    expect(roleChangeRefusal("ADMIN", "VIEWER", "BILLING")).toBeNull();
    expect(roleChangeRefusal("ADMIN", "MEMBER", null)).toBeNull();
  });
});

describe("removesLastOwner", () => {
  it("is true only for the one remaining owner", () => {
    expect(removesLastOwner("OWNER", 1)).toBe(true);
    expect(removesLastOwner("OWNER", 2)).toBe(false);
    expect(removesLastOwner("ADMIN", 1)).toBe(false);
  });
});
