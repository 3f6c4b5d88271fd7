import { describe, expect, it, vi } from "vitest";

vi.mock("@/server/programmes", () => ({
  loadApplication: vi.fn((_organizationId: string, applicationId: string) =>
    Promise.resolve({ title: applicationId === "a1" ? "Speech encoders" : "Protein folding" }),
  ),
}));
vi.mock("@/server/organisation", () => ({ loadOrganisation: vi.fn() }));
vi.mock("@/server/api", () => ({ load: vi.fn() }));

const { generateMetadata: detailTitle } = await import("./(detail)/page");
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

  it("are not found, without a look-up, for a segment that cannot be an id", async () => {
    const { loadApplication } = await import("@/server/programmes");
    vi.mocked(loadApplication).mockClear();
    await expect(detailTitle(params("x".repeat(65)))).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    await expect(editTitle(params("a.b"))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(loadApplication).not.toHaveBeenCalled();
  });
});
