import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, createTestMember, failureOf } from "../../test-helpers";
import { createTestApplicant } from "../programmes/fixtures";

afterAll(closeRateLimiter);

describe("billing.budget and billing.setBudget", () => {
  it("lets the owner and billing members set and clear the monthly budget, audited", async () => {
    const applicant = await createTestApplicant();
    const organizationId = applicant.org.id;
    const { user: billing } = await createTestMember(organizationId, "BILLING");

    const empty = await callerFor(applicant.owner).billing.budget({ organizationId });
    expect(empty).toMatchObject({
      budgetMinor: null,
      currency: "EUR",
      spentMinor: 0,
      percentUsed: null,
      canChange: true,
    });

    const set = await callerFor(billing).billing.setBudget({
      organizationId,
      budgetMinor: 250_000,
    });
    expect(set).toMatchObject({ budgetMinor: 250_000, currency: "EUR", percentUsed: 0 });
    expect(
      (await db.billingAccount.findUniqueOrThrow({ where: { organizationId } })).monthlyBudgetMinor,
    ).toBe(250_000n);

    const cleared = await callerFor(applicant.owner).billing.setBudget({
      organizationId,
      budgetMinor: null,
    });
    expect(cleared.budgetMinor).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { organizationId, action: "billing.budget_changed" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => event.actorId)).toEqual([billing.id, applicant.owner.id]);
  });

  it("lets administrators read the budget but not change it, and keeps members and viewers out", async () => {
    const applicant = await createTestApplicant();
    const organizationId = applicant.org.id;
    await callerFor(applicant.owner).billing.setBudget({ organizationId, budgetMinor: 10_000 });
    const { user: admin } = await createTestMember(organizationId, "ADMIN");
    const seen = await callerFor(admin).billing.budget({ organizationId });
    expect(seen).toMatchObject({ budgetMinor: 10_000, canChange: false });
    expect(
      await failureOf(callerFor(admin).billing.setBudget({ organizationId, budgetMinor: 1 })),
    ).toEqual({ code: "FORBIDDEN", message: "Your role (admin) may not do this." });
    for (const role of ["MEMBER", "VIEWER"] as const) {
      const { user } = await createTestMember(organizationId, role);
      expect((await failureOf(callerFor(user).billing.budget({ organizationId }))).code).toBe(
        "FORBIDDEN",
      );
      expect(
        (await failureOf(callerFor(user).billing.setBudget({ organizationId, budgetMinor: null })))
          .code,
      ).toBe("FORBIDDEN");
    }
    expect(
      (await db.billingAccount.findUniqueOrThrow({ where: { organizationId } })).monthlyBudgetMinor,
    ).toBe(10_000n);
  });

  it("refuses a budget that is not a positive whole number of cents, with a clear message", async () => {
    const applicant = await createTestApplicant();
    const organizationId = applicant.org.id;
    const owner = callerFor(applicant.owner);
    const cases: [unknown, RegExp][] = [
      [0, /more than zero; clear it instead/],
      [-100, /more than zero/],
      [12.5, /whole number of cents/],
      ["1000", /must be an amount/],
      [2 ** 60, /too large/],
    ];
    for (const [budgetMinor, message] of cases) {
      const failure = await failureOf(
        owner.billing.setBudget({ organizationId, budgetMinor: budgetMinor as number }),
      );
      expect(failure.code).toBe("BAD_REQUEST");
      expect(failure.message).toMatch(message);
    }
    expect(await db.billingAccount.findUnique({ where: { organizationId } })).toBeNull();
    expect(
      await db.auditEvent.count({ where: { organizationId, action: "billing.budget_changed" } }),
    ).toBe(0);
  });
});
