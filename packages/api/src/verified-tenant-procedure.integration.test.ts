import { describe, expect, it } from "vitest";
import { createContext } from "./context";
import {
  callerFor,
  createTestOrganization,
  createTestUser,
  failureOf,
  sessionUserOf,
  TEST_HEADERS,
} from "./test-helpers";
import { createCallerFactory, createTRPCRouter, verifiedTenantProcedure } from "./trpc";

// A stand-in for a later feature that only verified organisations may use.
const router = createTRPCRouter({
  launch: verifiedTenantProcedure("projects.create").mutation(({ ctx }) => ({
    launchedFor: ctx.tenant.organization.id,
  })),
});
const createCaller = createCallerFactory(router);

function callerAs(user: Parameters<typeof sessionUserOf>[0]) {
  return createCaller(
    createContext({ headers: new Headers(TEST_HEADERS), user: sessionUserOf(user) }),
  );
}

describe("verifiedTenantProcedure", () => {
  it("lets a verified organisation through", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "VERIFIED");
    await expect(callerAs(owner).launch({ organizationId: org.id })).resolves.toEqual({
      launchedFor: org.id,
    });
  });

  it.each(["PENDING", "REJECTED", "SUSPENDED"] as const)(
    "refuses a %s organisation plainly",
    async (status) => {
      const owner = await createTestUser();
      const org = await createTestOrganization(owner.id, status);
      const failure = await failureOf(callerAs(owner).launch({ organizationId: org.id }));
      expect(failure.code).toBe("PRECONDITION_FAILED");
      expect(failure.message).toMatch(/^Your organisation must be verified before /);
    },
  );

  it("still answers NOT_FOUND to an outsider, before saying anything about status", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id, "PENDING");
    const outsider = await createTestUser();
    expect((await failureOf(callerAs(outsider).launch({ organizationId: org.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await failureOf(callerFor(outsider).organizations.get({ organizationId: org.id }))).code,
    ).toBe("NOT_FOUND");
  });
});
