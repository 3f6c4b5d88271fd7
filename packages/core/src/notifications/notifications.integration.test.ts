import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createTestMember, createTestUser } from "@tessera/db/test-helpers";
import type { Actor } from "../actor";
import { reviewOrganization } from "../onboarding/review-organization";
import { createQuotaFixture } from "../quota/quota-fixture";
import { createTestWorkload, createWorkloadSetup } from "../workloads/lifecycle/workload-fixture";
import { setNotificationPreferences } from "./notification-preferences";
import { notifyEndedWorkloads } from "./notify-ended-workloads";
import { notifyUser } from "./notify-user";
import { sweepAllocationAlerts } from "./sweep-allocation-alerts";

const DAY = 86_400_000;

function actorFor(userId: string): Actor {
  return { userId, email: null, ip: "127.0.0.1", userAgent: "vitest" };
}

async function noticesOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

async function mailsTo(email: string) {
  return db.mailMessage.findMany({ where: { to: email } });
}

async function endJob(
  status: "COMPLETED" | "FAILED" | "CANCELLED" | "LOST",
  ended: { statusReason?: string; consumedUnitSeconds?: bigint } = {},
) {
  const setup = await createWorkloadSetup(db);
  const workload = await createTestWorkload(db, setup, { outbox: false });
  await db.workload.update({
    where: { id: workload.id },
    data: {
      status,
      statusReason: ended.statusReason ?? (status === "FAILED" ? "NonZeroExitCode" : null),
      exitCode: status === "FAILED" ? 3 : null,
      consumedUnitSeconds: ended.consumedUnitSeconds ?? 1_800n,
      endedAt: new Date(),
    },
  });
  const user = await db.user.findUniqueOrThrow({ where: { id: setup.userId } });
  return { setup, workload, user };
}

describe("notifyUser", () => {
  it("writes one notice and one mail per event and recipient, however often it is called", async () => {
    const user = await createTestUser();
    const input = {
      user: { id: user.id, email: user.email },
      kind: "REVIEW_ASSIGNED" as const,
      eventKey: `test-event:${user.id}`,
      organizationId: null,
      title: "Review assigned: a test",
      body: "Please review.",
      link: "/reviews/x",
    };
    const first = await db.$transaction((tx) => notifyUser(tx, input));
    const second = await db.$transaction((tx) => notifyUser(tx, input));
    expect(first.notification).not.toBeNull();
    expect(second).toEqual({ notification: null, mail: null });
    expect(await noticesOf(user.id)).toHaveLength(1);
    const mails = await mailsTo(user.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("/reviews/x");
    // The settings address on a line of its own: no full stop after it to end up in a link.
    expect(mails[0]!.text.split("\n").at(-1)).toMatch(/^https?:\/\/\S+\/notifications\/settings$/);
  });
});

describe("job end notifications", () => {
  it("tells the submitter once that a job failed, even when the sweep runs twice at once", async () => {
    const { workload, user } = await endJob("FAILED");
    await Promise.all([notifyEndedWorkloads(db), notifyEndedWorkloads(db)]);
    await notifyEndedWorkloads(db);
    const notices = (await noticesOf(user.id)).filter((n) => n.kind === "JOB_ENDED");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toMatch(/^Job failed: /);
    expect(notices[0]!.body).toContain("exit code 3");
    expect(notices[0]!.link).toBe(`/orgs/${workload.organizationId}/jobs/${workload.id}`);
    expect(
      (await mailsTo(user.email!)).filter((m) => m.subject.startsWith("Job failed")),
    ).toHaveLength(1);
  });

  it("says what a short job used in the job page's words, and no reason that repeats the ending", async () => {
    const { user } = await endJob("FAILED", { statusReason: "FAILED", consumedUnitSeconds: 45n });
    await notifyEndedWorkloads(db);
    const [notice] = await noticesOf(user.id);
    expect(notice!.body).toContain("It used 0.013 GPU-hours.");
    expect(notice!.body).not.toContain("Reason: FAILED");
  });

  it("says how a job completed, was cancelled or was lost", async () => {
    for (const [status, title] of [
      ["COMPLETED", /^Job completed: /],
      ["CANCELLED", /^Job cancelled: /],
      ["LOST", /^Job lost: /],
    ] as const) {
      const { user } = await endJob(status);
      await notifyEndedWorkloads(db);
      const notices = await noticesOf(user.id);
      expect(notices.map((n) => n.title)).toEqual([expect.stringMatching(title)]);
    }
  });

  it("tells nobody about a job that is still running", async () => {
    const setup = await createWorkloadSetup(db);
    await createTestWorkload(db, setup, { status: "RUNNING", externalId: "sim-1", outbox: false });
    await notifyEndedWorkloads(db);
    expect(await noticesOf(setup.userId)).toHaveLength(0);
  });

  it("respects a user who turned job mail off: the notice arrives, the mail does not", async () => {
    const { user } = await endJob("COMPLETED");
    await setNotificationPreferences(db, user.id, [{ kind: "JOB_ENDED", mail: false }]);
    await notifyEndedWorkloads(db);
    expect(await noticesOf(user.id)).toHaveLength(1);
    expect(await mailsTo(user.email!)).toHaveLength(0);
  });
});

describe("allocation alerts", () => {
  it("warns owners, administrators and billing members once when a line is 80 % used, not members", async () => {
    const quota = await createQuotaFixture(db, { grantedUnitSeconds: 360_000n });
    const admin = await createTestMember(quota.organizationId, "ADMIN");
    const billing = await createTestMember(quota.organizationId, "BILLING");
    const member = await createTestMember(quota.organizationId, "MEMBER");
    const viewer = await createTestMember(quota.organizationId, "VIEWER");
    await db.allocationLine.update({
      where: { id: quota.allocationLineId },
      data: { consumedUnitSeconds: 200_000n, heldUnitSeconds: 100_000n },
    });
    await sweepAllocationAlerts(db);
    await Promise.all([sweepAllocationAlerts(db), sweepAllocationAlerts(db)]);
    for (const userId of [quota.userId, admin.user.id, billing.user.id]) {
      const notices = await noticesOf(userId);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.title).toMatch(/^83% of your /);
      expect(notices[0]!.link).toBe(`/orgs/${quota.organizationId}/allocations`);
    }
    expect(await noticesOf(member.user.id)).toHaveLength(0);
    expect(await noticesOf(viewer.user.id)).toHaveLength(0);
  });

  it("stays quiet below 80 % and warns at the threshold", async () => {
    const quota = await createQuotaFixture(db, { grantedUnitSeconds: 100_000n });
    await db.allocationLine.update({
      where: { id: quota.allocationLineId },
      data: { consumedUnitSeconds: 79_999n },
    });
    await sweepAllocationAlerts(db);
    expect(await noticesOf(quota.userId)).toHaveLength(0);
    await db.allocationLine.update({
      where: { id: quota.allocationLineId },
      data: { consumedUnitSeconds: 80_000n },
    });
    await sweepAllocationAlerts(db);
    await sweepAllocationAlerts(db);
    const notices = await noticesOf(quota.userId);
    expect(notices.map((n) => n.title)).toEqual([expect.stringMatching(/^80% of your /)]);
  });

  it("counts a token line's tokens spent, not the gateway's lease of them for the next calls", async () => {
    const quota = await createQuotaFixture(db, { grantedUnitSeconds: 1_000_000n });
    const line = await db.allocationLine.findUniqueOrThrow({
      where: { id: quota.allocationLineId },
    });
    await db.resourceClass.update({
      where: { id: line.resourceClassId },
      data: { kind: "TOKENS", unit: "token", name: "Shared chat tokens" },
    });
    // 750,000 spent and a lease of 100,000 open: three quarters used, nothing to warn of yet.
    await db.allocationLine.update({
      where: { id: quota.allocationLineId },
      data: { consumedUnitSeconds: 750_000n, heldUnitSeconds: 100_000n },
    });
    await sweepAllocationAlerts(db);
    expect(await noticesOf(quota.userId)).toHaveLength(0);
    await db.allocationLine.update({
      where: { id: quota.allocationLineId },
      data: { consumedUnitSeconds: 800_000n },
    });
    await sweepAllocationAlerts(db);
    const notices = await noticesOf(quota.userId);
    expect(notices.map((n) => n.title)).toEqual([
      "80% of your Shared chat tokens allocation is used",
    ]);
    expect(notices[0]!.body).toContain(
      "are spent by calls to shared models; 200,000 tokens remain",
    );
  });

  it("warns once that an allocation ends within 14 days, and not about one that has ended", async () => {
    const ending = await createQuotaFixture(db, {
      grantedUnitSeconds: 100_000n,
      validTo: new Date(Date.now() + 5 * DAY),
    });
    const later = await createQuotaFixture(db, {
      grantedUnitSeconds: 100_000n,
      validTo: new Date(Date.now() + 40 * DAY),
    });
    const billing = await createTestMember(ending.organizationId, "BILLING");
    await sweepAllocationAlerts(db);
    await sweepAllocationAlerts(db);
    const notices = await noticesOf(ending.userId);
    expect(notices.map((n) => n.title)).toEqual([expect.stringMatching(/ends in 5 days$/)]);
    expect((await noticesOf(billing.user.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/ends in 5 days$/),
    ]);
    expect(await noticesOf(later.userId)).toHaveLength(0);
    // A sweep two weeks on (the allocation has ended) says nothing more.
    await sweepAllocationAlerts(db, new Date(Date.now() + 20 * DAY));
    expect(await noticesOf(ending.userId)).toHaveLength(1);
  });
});

describe("organisation decisions", () => {
  it("tells the owner in the portal when the organisation is suspended, and mails them once", async () => {
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const quota = await createQuotaFixture(db, { grantedUnitSeconds: 1_000n });
    const owner = await db.user.findUniqueOrThrow({ where: { id: quota.userId } });
    await reviewOrganization(
      db,
      actorFor(admin.id),
      quota.organizationId,
      "suspend",
      "Suspended by a test for a reason.",
    );
    const notices = await noticesOf(owner.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe("ORGANIZATION_STATUS");
    expect(notices[0]!.title).toContain("was suspended");
    expect(notices[0]!.body).toContain("Suspended by a test for a reason.");
    expect(notices[0]!.link).toBe(`/orgs/${quota.organizationId}`);
    // The owner is also the contact in this fixture: one mail, not two.
    expect(await mailsTo(owner.email!)).toHaveLength(1);
  });
});
