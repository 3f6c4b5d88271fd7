import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
  httpErrorOf,
} from "../../test-helpers";
import { createTestApplicant } from "../programmes/fixtures";

afterAll(closeRateLimiter);

const storedAddress = async (organizationId: string) =>
  (await db.billingAccount.findUnique({ where: { organizationId } }))?.billingAddress ?? null;

const addressChanges = (organizationId: string) =>
  db.auditEvent.count({ where: { organizationId, action: "billing.settings_updated" } });

describe("billing.settings and billing.setAddress", () => {
  it("lets the owner and billing members set the postal address, trimmed and audited", async () => {
    const applicant = await createTestApplicant({ country: "AT" });
    const organizationId = applicant.org.id;
    const { user: billing } = await createTestMember(organizationId, "BILLING");

    expect(await callerFor(applicant.owner).billing.settings({ organizationId })).toEqual({
      billingAddress: null,
      country: "AT",
      canChange: true,
    });
    const saved = await callerFor(billing).billing.setAddress({
      organizationId,
      address: " Mariahilfer Straße 1 \r\n1060 Wien\r\n",
    });
    expect(saved).toEqual({
      billingAddress: "Mariahilfer Straße 1\n1060 Wien",
      country: "AT",
      canChange: true,
    });
    expect(await storedAddress(organizationId)).toBe("Mariahilfer Straße 1\n1060 Wien");
    // The same address again is no change: nothing more in the audit log.
    await callerFor(applicant.owner).billing.setAddress({
      organizationId,
      address: "Mariahilfer Straße 1\n1060 Wien",
    });
    const audit = await db.auditEvent.findMany({
      where: { organizationId, action: "billing.settings_updated" },
    });
    expect(audit.map((event) => event.actorId)).toEqual([billing.id]);
  });

  it("removes the address when asked with null, audited, so the settings ask for one again", async () => {
    const applicant = await createTestApplicant({ country: "PL" });
    const organizationId = applicant.org.id;
    const owner = callerFor(applicant.owner);
    await owner.billing.setAddress({ organizationId, address: "ul. Piotrkowska 104\n90-926 Łódź" });
    const removed = await owner.billing.setAddress({ organizationId, address: null });
    expect(removed).toEqual({ billingAddress: null, country: "PL", canChange: true });
    expect(await owner.billing.settings({ organizationId })).toMatchObject({
      billingAddress: null,
    });
    expect(await storedAddress(organizationId)).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { organizationId, action: "billing.settings_updated" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => [event.actorId, event.data])).toEqual([
      [
        applicant.owner.id,
        {
          changed: ["billingAddress"],
          from: { billingAddress: null },
          to: { billingAddress: "ul. Piotrkowska 104\n90-926 Łódź" },
        },
      ],
      [
        applicant.owner.id,
        {
          changed: ["billingAddress"],
          from: { billingAddress: "ul. Piotrkowska 104\n90-926 Łódź" },
          to: { billingAddress: null },
        },
      ],
    ]);
    // Nothing on file: removing again is no change, nothing more in the audit log.
    await owner.billing.setAddress({ organizationId, address: null });
    expect(await addressChanges(organizationId)).toBe(2);
    // The Stripe customer's address is to be removed too, by the worker's billing sweep.
    const account = await db.billingAccount.findUniqueOrThrow({ where: { organizationId } });
    expect(account.stripeAddressPendingSince).toBeInstanceOf(Date);
    // And an address can be set again.
    await owner.billing.setAddress({ organizationId, address: "Nowa 1\n00-001 Warszawa" });
    expect(await storedAddress(organizationId)).toBe("Nowa 1\n00-001 Warszawa");
  });

  it("lets administrators read the address but not change it, and keeps members, viewers and strangers out", async () => {
    const applicant = await createTestApplicant();
    const organizationId = applicant.org.id;
    await callerFor(applicant.owner).billing.setAddress({
      organizationId,
      address: "Hauptstraße 5\n10115 Berlin",
    });
    const { user: admin } = await createTestMember(organizationId, "ADMIN");
    expect(await callerFor(admin).billing.settings({ organizationId })).toMatchObject({
      billingAddress: "Hauptstraße 5\n10115 Berlin",
      canChange: false,
    });
    expect(
      await failureOf(
        callerFor(admin).billing.setAddress({ organizationId, address: "Elsewhere 1\n1000 X" }),
      ),
    ).toEqual({ code: "FORBIDDEN", message: "Your role (admin) may not do this." });
    for (const role of ["MEMBER", "VIEWER"] as const) {
      const { user } = await createTestMember(organizationId, role);
      expect((await failureOf(callerFor(user).billing.settings({ organizationId }))).code).toBe(
        "FORBIDDEN",
      );
      for (const address of ["A 1", null]) {
        expect(
          (await failureOf(callerFor(user).billing.setAddress({ organizationId, address }))).code,
        ).toBe("FORBIDDEN");
      }
    }
    const stranger = await createTestUser();
    await createTestOrganization(stranger.id, "VERIFIED");
    for (const call of [
      callerFor(stranger).billing.settings({ organizationId }),
      callerFor(stranger).billing.setAddress({ organizationId, address: "Planted 1\n1000 X" }),
      callerFor(stranger).billing.setAddress({ organizationId, address: null }),
    ]) {
      expect((await failureOf(call)).code).toBe("NOT_FOUND");
    }
    expect(await storedAddress(organizationId)).toBe("Hauptstraße 5\n10115 Berlin");
    expect(await addressChanges(organizationId)).toBe(1);
  });

  it("refuses a malformed address with a message beside the field, and changes nothing", async () => {
    const applicant = await createTestApplicant();
    const organizationId = applicant.org.id;
    const cases: [unknown, string][] = [
      ["  \r\n ", "Enter the postal address: street and number, then postcode and city."],
      ["a\nb\nc\nd\ne\nf\ng", "The postal address has 7 lines: use at most 6."],
      [
        `Berlin\n${"x".repeat(101)}`,
        "Line 2 of the postal address is too long: at most 100 characters a line.",
      ],
      [
        Array.from({ length: 5 }, () => "y".repeat(90)).join("\n"),
        "The postal address is too long: at most 400 characters in all.",
      ],
      [
        "Main St\u0000 5",
        "The postal address may not contain tabs or other control characters: put each part on its own line.",
      ],
      [42, "Enter the postal address: street and number, then postcode and city."],
      // An empty text is refused, never taken for a removal (that is null, asked for on purpose).
      ["", "Enter the postal address: street and number, then postcode and city."],
      [undefined, "Enter the postal address: street and number, then postcode and city."],
      ["z".repeat(5000), "The postal address is too long: at most 400 characters in all."],
    ];
    for (const [address, message] of cases) {
      const failure = await httpErrorOf(applicant.owner, "billing.setAddress", "mutation", {
        organizationId,
        address,
      });
      expect(failure).toEqual({
        code: "BAD_REQUEST",
        message,
        fieldErrors: { address: [message] },
      });
    }
    expect(await storedAddress(organizationId)).toBeNull();
    expect(await addressChanges(organizationId)).toBe(0);
  });
});
