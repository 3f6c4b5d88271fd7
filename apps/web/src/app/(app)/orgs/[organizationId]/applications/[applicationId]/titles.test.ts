import { describe, expect, it, vi } from "vitest";

vi.mock("@/server/programmes", () => ({
  loadApplication: vi.fn((_organizationId: string, applicationId: string) =>
    Promise.resolve({ title: applicationId === "a1" ? "Speech encoders" : "Protein folding" }),
  ),
}));
vi.mock("@/server/organisation", () => ({ loadOrganisation: vi.fn() }));
vi.mock("@/server/api", () => ({ load: vi.fn() }));

const { generateMetadata: detailTitle } = await import("./page");
const { generateMetadata: editTitle } = await import("./edit/page");

const params = (applicationId: string) => ({
  params: Promise.resolve({ organizationId: "o1", applicationId }),
});

describe("an application's pages", () => {
  it("are titled by the application, so that two of them can be told apart", async () => {
    expect((await detailTitle(params("a1"))).title).toBe("Speech encoders");
    expect((await detailTitle(params("a2"))).title).toBe("Protein folding");
    expect((await editTitle(params("a1"))).title).toBe("Edit application: Speech encoders");
  });
});
