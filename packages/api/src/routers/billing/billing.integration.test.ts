import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_BILLING_TIME_ZONE,
  finaliseInvoice,
  periodBounds,
  periodOf,
  shiftPeriod,
  SYSTEM_ACTOR,
} from "@tessera/core";
import { serverEnv } from "@tessera/config";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, createTestMember, failureOf, uniqueSuffix } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
} from "../programmes/fixtures";

afterAll(closeRateLimiter);

const HOUR = 3_600;

/** An organisation with a 50 % award on a €3.00/GPU-hour class, and usage last month and this. */
async function billedOrganisation() {
  const gpu = await createTestResourceClass({ listPriceMinorPerHour: 300 });
  const programme = await createTestProgramme({ subsidyRateBps: 5_000 });
  const applicant = await createTestApplicant();
  const admin = await createProgrammeAdmin();
  const applicationId = await applicationUnderReview(admin, applicant, programme, [
    { resourceClassId: gpu.id, unitHours: 100 },
  ]);
  const { allocationId } = await callerFor(admin).applications.admin.approve({ applicationId });
  const line = await db.allocationLine.findFirstOrThrow({ where: { allocationId } });
  const thisMonth = periodOf(new Date(), DEFAULT_BILLING_TIME_ZONE);
  const lastMonth = shiftPeriod(thisMonth, -1);
  const usage = (period: string, hours: number) => {
    const start = new Date(
      periodBounds(period, DEFAULT_BILLING_TIME_ZONE).start.getTime() + 60_000,
    );
    return {
      organizationId: applicant.org.id,
      source: "SIM" as const,
      sourceRef: `billing-test:${uniqueSuffix()}`,
      intervalStart: start,
      intervalEnd: new Date(start.getTime() + hours * HOUR * 1000),
      resourceClassId: gpu.id,
      projectId: applicant.project.id,
      allocationLineId: line.id,
      quantity: 1,
      unitSeconds: BigInt(hours * HOUR),
      energyMilliWh: BigInt(hours * 700_000),
      energyBasis: "ESTIMATED" as const,
    };
  };
  await db.usageRecord.createMany({ data: [usage(lastMonth, 3), usage(thisMonth, 2)] });
  const finalised = await finaliseInvoice(db, SYSTEM_ACTOR, {
    organizationId: applicant.org.id,
    period: lastMonth,
    sellerCountry: "DE",
  });
  return { gpu, programme, applicant, admin, lastMonth, thisMonth, invoice: finalised!.invoice };
}

describe("billing", () => {
  it("shows this month's charges so far, with shares that add up to each line's list amount", async () => {
    const { applicant, thisMonth } = await billedOrganisation();
    const current = await callerFor(applicant.owner).billing.current({
      organizationId: applicant.org.id,
    });
    expect(current.period).toBe(thisMonth);
    expect(current.lines).toHaveLength(1);
    expect(current.lines[0]).toMatchObject({
      unitSeconds: 2 * HOUR,
      unitHours: "2.000",
      minorPerUnitHour: 300,
      listMinor: 600,
      programmeMinor: 300,
      tenantMinor: 300,
      energyMilliWh: 1_400_000,
      energyMeasured: false,
    });
    expect(current.listMinor).toBe(current.programmeMinor + current.tenantNetMinor);
    expect(current.tenantTotalMinor).toBe(current.tenantNetMinor + current.vatMinor);
  });

  it("lists the finalised invoice with its payment state and opens it with its lines", async () => {
    const { applicant, invoice, lastMonth, programme } = await billedOrganisation();
    const { user: billing } = await createTestMember(applicant.org.id, "BILLING");
    const page = await callerFor(billing).billing.invoices({ organizationId: applicant.org.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: invoice.id,
      number: invoice.number,
      period: lastMonth,
      kind: "INVOICE",
      listMinor: 900,
      programmeMinor: 450,
      tenantNetMinor: 450,
      payment: { status: "PENDING", paidMinor: 0 },
      // The programme that pays its share, named as the invoice itself names it.
      programmeShares: [{ name: programme.name, programmeMinor: 450 }],
    });
    const one = await callerFor(billing).billing.invoice({
      organizationId: applicant.org.id,
      invoiceId: invoice.id,
    });
    expect(one.lines.map((l) => [l.listMinor, l.programmeMinor, l.tenantMinor])).toEqual([
      [900, 450, 450],
    ]);
    expect(one.tenantTotalMinor).toBe(450 + one.vatMinor);
    // The supplier is the operator the configuration names; the share is due after its terms.
    const env = serverEnv();
    expect(one.supplier).toEqual({
      name: env.BILLING_SUPPLIER_NAME,
      address: env.BILLING_SUPPLIER_ADDRESS,
      vatId: env.BILLING_SUPPLIER_VAT_ID,
      paymentTermsDays: env.INVOICE_PAYMENT_TERMS_DAYS,
    });
    const dueAfterDays =
      (Date.parse(`${one.dates.due}T00:00:00Z`) - Date.parse(`${one.dates.issued}T00:00:00Z`)) /
      86_400_000;
    expect(dueAfterDays).toBe(env.INVOICE_PAYMENT_TERMS_DAYS);
    const document = await callerFor(billing).billing.invoiceDocument({
      organizationId: applicant.org.id,
      invoiceId: invoice.id,
    });
    expect([document.dates, document.supplier, document.vatLabel]).toEqual([
      one.dates,
      one.supplier,
      one.vatLabel,
    ]);
    expect(
      await failureOf(
        callerFor(billing).billing.invoice({ organizationId: applicant.org.id, invoiceId: "nope" }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "Invoice not found." });
  });

  it("is closed to members who neither manage nor pay for the organisation", async () => {
    const { applicant } = await billedOrganisation();
    for (const role of ["MEMBER", "VIEWER"] as const) {
      const { user } = await createTestMember(applicant.org.id, role);
      const failure = await failureOf(
        callerFor(user).billing.invoices({ organizationId: applicant.org.id }),
      );
      expect(failure.code).toBe("FORBIDDEN");
    }
  });

  it("sums usage by resource class and month, and by project", async () => {
    const { applicant, gpu, lastMonth, thisMonth } = await billedOrganisation();
    const usage = await callerFor(applicant.owner).billing.usage({
      organizationId: applicant.org.id,
      months: 3,
    });
    expect(usage.months).toEqual([shiftPeriod(lastMonth, -1), lastMonth, thisMonth]);
    expect(usage.resourceClasses.map((c) => c.id)).toEqual([gpu.id]);
    expect(usage.byMonth.map((cell) => [cell.period, cell.unitSeconds]).sort()).toEqual([
      [lastMonth, 3 * HOUR],
      [thisMonth, 2 * HOUR],
    ]);
    expect(usage.byProject).toMatchObject([
      { projectId: applicant.project.id, resourceClassId: gpu.id, unitSeconds: 5 * HOUR },
    ]);
  });

  it("gives the programme administrator the month's statement, per organisation and line", async () => {
    const { applicant, admin, programme, lastMonth, invoice } = await billedOrganisation();
    const statement = await callerFor(admin).billing.programmeStatement({
      programmeId: programme.id,
      month: lastMonth,
    });
    expect(statement).toMatchObject({
      period: lastMonth,
      programmeMinor: 450,
      listMinor: 900,
      organizations: [{ organizationId: applicant.org.id, programmeMinor: 450, listMinor: 900 }],
      lines: [{ invoiceNumber: invoice.number, unit: "GPU", programmeMinor: 450, listMinor: 900 }],
    });
    expect(
      (
        await failureOf(
          callerFor(applicant.owner).billing.programmeStatement({
            programmeId: programme.id,
            month: lastMonth,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      await failureOf(
        callerFor(admin).billing.programmeStatement({
          programmeId: programme.id,
          month: "2026-13",
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });
});
