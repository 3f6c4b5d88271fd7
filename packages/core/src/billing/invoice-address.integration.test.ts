import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { SYSTEM_ACTOR, type Actor } from "../actor";
import {
  billingTenantOf,
  createBillingFixture,
  insertUsage,
  type BillingFixture,
} from "./billing-fixture";
import { finaliseInvoice } from "./finalise-invoice";
import { getInvoice, getInvoiceDocument } from "./get-invoice";
import { invoiceCsv } from "./invoice-csv";
import { TEST_INVOICE_ISSUER } from "./invoice-issuer-fixture";
import { invoiceSheetOf } from "./invoice-sheet";
import { issueCreditNote } from "./issue-credit-note";
import { clearBillingAddress, setBillingAddress } from "./set-billing-address";

const JAN = new Date("2026-01-10T08:00:00Z");
const FEB = new Date("2026-02-10T08:00:00Z");
const MARCH = new Date("2026-03-10T08:00:00Z");
const HOUR = 3_600;

/** An organisation with usage in January and February, its owner's access and the owner. */
async function withTwoMonthsOfUsage() {
  const fixture = await createBillingFixture(db);
  const tenant = billingTenantOf(db, fixture);
  const actor: Actor = { ...SYSTEM_ACTOR, userId: fixture.userId, email: "owner@example.test" };
  await insertUsage(db, fixture, [
    { start: JAN, unitSeconds: 2 * HOUR },
    { start: FEB, unitSeconds: 3 * HOUR },
  ]);
  return { fixture, tenant, actor };
}

function finalise(fixture: BillingFixture, period: string) {
  return finaliseInvoice(db, SYSTEM_ACTOR, {
    organizationId: fixture.organizationId,
    period,
    sellerCountry: "DE",
    now: MARCH,
  });
}

describe("the customer's postal address on invoices", () => {
  it("is stored with each invoice when it is finalised; a later change never alters an issued invoice or its credit note", async () => {
    const { fixture, tenant, actor } = await withTwoMonthsOfUsage();

    // January is issued before any address is on file: it has none, then and later.
    const january = (await finalise(fixture, "2026-01"))!.invoice;
    expect(january.customerAddress).toBeNull();

    const saved = await setBillingAddress(tenant, actor, {
      address: "  Hauptstraße 5 \r\n\r\n10115 Berlin  ",
    });
    expect(saved).toMatchObject({ billingAddress: "Hauptstraße 5\n10115 Berlin", country: "DE" });

    const february = (await finalise(fixture, "2026-02"))!.invoice;
    expect(february.customerAddress).toBe("Hauptstraße 5\n10115 Berlin");

    await setBillingAddress(tenant, actor, { address: "Neue Straße 1\n80331 München" });

    // Issued documents keep what they were issued with: January none, February the old one.
    const januaryView = await getInvoice(tenant, january.id, TEST_INVOICE_ISSUER);
    expect(januaryView.customerAddress).toBeNull();
    const januaryDocument = await getInvoiceDocument(tenant, january.id, TEST_INVOICE_ISSUER);
    expect(invoiceSheetOf(januaryDocument).customer).toEqual([
      januaryDocument.customerName,
      "Germany",
    ]);
    expect(invoiceCsv(januaryDocument)).toContain(`${january.number},customer_address,\r\n`);

    const februaryView = await getInvoice(tenant, february.id, TEST_INVOICE_ISSUER);
    expect(februaryView.customerAddress).toBe("Hauptstraße 5\n10115 Berlin");
    const februaryDocument = await getInvoiceDocument(tenant, february.id, TEST_INVOICE_ISSUER);
    expect(invoiceSheetOf(februaryDocument).customer.slice(1, 3)).toEqual([
      "Hauptstraße 5",
      "10115 Berlin",
    ]);
    expect(invoiceCsv(februaryDocument)).toContain(
      `${february.number},customer_address,"Hauptstraße 5\n10115 Berlin"`,
    );

    // A credit note names the customer as its invoice did, not as the settings do now.
    const credit = await issueCreditNote(db, SYSTEM_ACTOR, {
      organizationId: fixture.organizationId,
      invoiceId: february.id,
      reason: "Billed twice",
      supplier: TEST_INVOICE_ISSUER,
    });
    expect(credit.customerAddress).toBe("Hauptstraße 5\n10115 Berlin");

    const audit = await db.auditEvent.findMany({
      where: { organizationId: fixture.organizationId, action: "billing.settings_updated" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => [event.actorId, event.data])).toEqual([
      [
        fixture.userId,
        {
          changed: ["billingAddress"],
          from: { billingAddress: null },
          to: { billingAddress: "Hauptstraße 5\n10115 Berlin" },
        },
      ],
      [
        fixture.userId,
        {
          changed: ["billingAddress"],
          from: { billingAddress: "Hauptstraße 5\n10115 Berlin" },
          to: { billingAddress: "Neue Straße 1\n80331 München" },
        },
      ],
    ]);
  });

  it("can be removed: the next invoice names none, one issued before keeps its own, and the removal is audited", async () => {
    const { fixture, tenant, actor } = await withTwoMonthsOfUsage();
    await setBillingAddress(tenant, actor, { address: "Hauptstraße 5\n10115 Berlin" });
    const january = (await finalise(fixture, "2026-01"))!.invoice;
    expect(january.customerAddress).toBe("Hauptstraße 5\n10115 Berlin");

    const cleared = await clearBillingAddress(tenant, actor);
    expect(cleared).toMatchObject({ billingAddress: null, country: "DE" });
    const february = (await finalise(fixture, "2026-02"))!.invoice;
    expect(february.customerAddress).toBeNull();

    const januaryDocument = await getInvoiceDocument(tenant, january.id, TEST_INVOICE_ISSUER);
    expect(invoiceSheetOf(januaryDocument).customer).toEqual([
      januaryDocument.customerName,
      "Hauptstraße 5",
      "10115 Berlin",
      "Germany",
    ]);
    const audit = await db.auditEvent.findMany({
      where: { organizationId: fixture.organizationId, action: "billing.settings_updated" },
      orderBy: { id: "asc" },
    });
    expect(audit.at(-1)).toMatchObject({
      actorId: fixture.userId,
      data: {
        changed: ["billingAddress"],
        from: { billingAddress: "Hauptstraße 5\n10115 Berlin" },
        to: { billingAddress: null },
      },
    });
  });

  it("refuses a malformed address with the field named, and changes nothing", async () => {
    const fixture = await createBillingFixture(db);
    const tenant = billingTenantOf(db, fixture);
    await setBillingAddress(tenant, SYSTEM_ACTOR, { address: "Hauptstraße 5\n10115 Berlin" });
    await expect(
      setBillingAddress(tenant, SYSTEM_ACTOR, { address: "Main St\t5\n10115 Berlin" }),
    ).rejects.toMatchObject({
      code: "INVALID",
      message:
        "The postal address may not contain tabs or other control characters: put each part on its own line.",
      details: { field: "address" },
    });
    const account = await db.billingAccount.findUniqueOrThrow({
      where: { organizationId: fixture.organizationId },
    });
    expect(account.billingAddress).toBe("Hauptstraße 5\n10115 Berlin");
    expect(
      await db.auditEvent.count({
        where: { organizationId: fixture.organizationId, action: "billing.settings_updated" },
      }),
    ).toBe(1);
  });
});
