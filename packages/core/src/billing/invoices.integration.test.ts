import { TEST_INVOICE_ISSUER } from "./invoice-issuer-fixture";
import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { db, tenantScoped } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { previewPriceChange } from "../catalogue/preview-price-change";
import { updateResourceClass } from "../catalogue/update-resource-class";
import { formatMoney } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import {
  createBillingFixture,
  createTokenTier,
  insertUsage,
  type BillingFixture,
} from "./billing-fixture";
import { closeDueInvoices } from "./close-due-invoices";
import { finaliseInvoice } from "./finalise-invoice";
import { finaliseInvoices } from "./finalise-invoices";
import { getCurrentCharges } from "./get-current-charges";
import { getInvoiceDocument } from "./get-invoice";
import { invoiceSheetOf } from "./invoice-sheet";
import { getInvoiceDraft } from "./get-invoice-draft";
import { getProgrammeStatement } from "./programme-statement";
import { invoiceCsv } from "./invoice-csv";
import { lineQuantityText } from "./invoice-document";
import { issueCreditNote } from "./issue-credit-note";
import { renderInvoicePdf } from "./render-invoice-pdf";

const SELLER = "DE";
const JAN = new Date("2026-01-10T08:00:00Z");
const FEB = new Date("2026-02-10T08:00:00Z");
const MARCH = new Date("2026-03-10T08:00:00Z");
const HOUR = 3_600;

/** Finalises an organisation's month as the sweep would in March 2026. */
function finalise(fixture: { organizationId: string }, period: string) {
  return finaliseInvoice(db, SYSTEM_ACTOR, {
    organizationId: fixture.organizationId,
    period,
    sellerCountry: SELLER,
    now: MARCH,
  });
}

function tenantOf(fixture: BillingFixture): TenantAccess {
  return {
    organization: { id: fixture.organizationId, name: "Billing Lab" },
    role: "OWNER",
    db: tenantScoped(db, fixture.organizationId),
  };
}

async function invoiceWithLines(id: string) {
  return db.invoice.findUniqueOrThrow({
    where: { id },
    include: { lines: { orderBy: { position: "asc" } } },
  });
}

describe("co-funded monthly invoices", () => {
  it("finalises a month once: lines priced once, shares add up, the programme capped by the award's subsidy left", async () => {
    // 50 % subsidy, but only €10.00 of it left.
    const fixture = await createBillingFixture(db, { subsidyMinor: 1_000n });
    // 2.5 GPU-hours in three pieces: summed first, then priced once.
    await insertUsage(db, fixture, [
      { start: JAN, unitSeconds: HOUR, energyMilliWh: 700_000 },
      { start: new Date(JAN.getTime() + 86_400_000), unitSeconds: HOUR, energyMilliWh: 700_000 },
      {
        start: new Date(JAN.getTime() + 2 * 86_400_000),
        unitSeconds: HOUR / 2,
        energyMilliWh: 350_000,
      },
    ]);
    const result = await finalise(fixture, "2026-01");
    expect(result?.created).toBe(true);
    const invoice = await invoiceWithLines(result!.invoice.id);
    expect(invoice.lines).toHaveLength(1);
    const line = invoice.lines[0]!;
    // 295 cents/h × 2.5 h = 737.5 → 738 (half to even); 50 % = 369, capped at 1000 → 369.
    expect(line).toMatchObject({
      kind: "USAGE",
      unitSeconds: 9_000n,
      minorPerUnitHour: fixture.priceMinorPerHour,
      listMinor: 738n,
      programmeMinor: 369n,
      tenantMinor: 369n,
      energyMilliWh: 1_750_000n,
    });
    expect(invoice.listMinor).toBe(line.listMinor);
    expect(invoice.programmeMinor + invoice.tenantNetMinor).toBe(invoice.listMinor);
    // Domestic (DE → DE): 19 % of 369 = 70.11 → 70.
    expect(invoice).toMatchObject({
      vatTreatment: "DOMESTIC",
      vatMinor: 70n,
      tenantTotalMinor: 439n,
    });
    expect(invoice.number).toMatch(/^INV-2026-\d{6}$/);

    // February uses more than the subsidy left (1000 − 369 = 631): the programme pays 631.
    await insertUsage(db, fixture, [{ start: FEB, unitSeconds: 10 * HOUR }]);
    const february = await finalise(fixture, "2026-02");
    const feb = await invoiceWithLines(february!.invoice.id);
    expect(feb.lines[0]).toMatchObject({
      listMinor: 2_950n,
      programmeMinor: 631n,
      tenantMinor: 2_319n,
    });
    // The statement shows what the programme owes for January, per organisation.
    const statement = await getProgrammeStatement(db, {
      programmeId: fixture.programmeId,
      period: "2026-01",
    });
    expect(statement.programmeMinor).toBe(369n);
    expect(statement.organizations).toEqual([
      expect.objectContaining({ organizationId: fixture.organizationId, programmeMinor: 369n }),
    ]);
    // Each line names its resource class as people read it, beside the code.
    const rc = await db.resourceClass.findUniqueOrThrow({ where: { id: fixture.resourceClassId } });
    expect(statement.lines.map((line) => [line.resourceClassName, line.resourceClassCode])).toEqual(
      [[rc.name, rc.code]],
    );
  });

  it("makes one invoice when two runs finalise the same month at once, numbered without gaps", async () => {
    const fixture = await createBillingFixture(db);
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: 4 * HOUR }]);
    const runs = await Promise.all([1, 2, 3].map(() => finalise(fixture, "2026-01")));
    expect(runs.filter((run) => run?.created)).toHaveLength(1);
    expect(new Set(runs.map((run) => run!.invoice.id)).size).toBe(1);
    expect(await db.invoice.count({ where: { organizationId: fixture.organizationId } })).toBe(1);
    // Numbers of the series have no gaps.
    const numbers = await db.invoice.findMany({
      where: { kind: "INVOICE", number: { startsWith: "INV-2026-" } },
      select: { sequence: true },
      orderBy: { sequence: "asc" },
    });
    expect(numbers.map((n) => n.sequence)).toEqual(numbers.map((_, index) => index + 1));
  });

  it("refuses to change or delete a finalised invoice and its lines", async () => {
    const fixture = await createBillingFixture(db);
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: HOUR }]);
    const { invoice } = (await finalise(fixture, "2026-01"))!;
    await expect(
      db.invoice.update({ where: { id: invoice.id }, data: { tenantNetMinor: 0n } }),
    ).rejects.toThrow(/immutable/);
    await expect(db.invoice.delete({ where: { id: invoice.id } })).rejects.toThrow();
    await expect(
      db.invoiceLine.updateMany({ where: { invoiceId: invoice.id }, data: { listMinor: 1n } }),
    ).rejects.toThrow(/immutable/);
    const records = await db.usageRecord.findMany({
      where: { organizationId: fixture.organizationId },
    });
    expect(records).toHaveLength(1);
    // The invoice covers the record; the record itself never changes, billed or not.
    expect(records[0]!.id <= invoice.usageThroughId!).toBe(true);
    await expect(
      db.usageRecord.update({ where: { id: records[0]!.id }, data: { unitSeconds: 1n } }),
    ).rejects.toThrow(/immutable/);
    await expect(
      db.invoice.update({ where: { id: invoice.id }, data: { usageThroughId: 0n } }),
    ).rejects.toThrow(/immutable/);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).tenantNetMinor).toBe(
      invoice.tenantNetMinor,
    );
  });

  it("puts usage that arrives after finalisation on the next invoice as late usage", async () => {
    const fixture = await createBillingFixture(db);
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: HOUR }]);
    const january = await finalise(fixture, "2026-01");
    // A January job is metered late, after its invoice was finalised.
    await insertUsage(db, fixture, [
      { start: new Date("2026-01-20T10:00:00Z"), unitSeconds: 2 * HOUR },
      { start: FEB, unitSeconds: HOUR },
    ]);
    const again = await finalise(fixture, "2026-01");
    expect(again).toMatchObject({ created: false, invoice: { id: january!.invoice.id } });
    expect((await invoiceWithLines(january!.invoice.id)).lines[0]!.unitSeconds).toBe(3_600n);
    // The draft shows it as an adjustment before the month closes.
    const draft = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: SELLER,
      now: FEB,
    });
    expect(draft.lines.map((l) => [l.kind, l.usagePeriod, l.unitSeconds])).toEqual([
      ["LATE_USAGE", "2026-01", 7_200n],
      ["USAGE", "2026-02", 3_600n],
    ]);
    const { finalised } = await closeDueInvoices(db, {
      sellerCountry: SELLER,
      graceDays: 3,
      now: MARCH,
      organizationIds: [fixture.organizationId],
    });
    expect(finalised).toHaveLength(1);
    const february = await db.invoice.findFirstOrThrow({
      where: { organizationId: fixture.organizationId, period: "2026-02" },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(february.lines.map((l) => [l.kind, l.usagePeriod, l.unitSeconds])).toEqual([
      ["LATE_USAGE", "2026-01", 7_200n],
      ["USAGE", "2026-02", 3_600n],
    ]);
    expect(february.listMinor).toBe(february.lines.reduce((s, l) => s + l.listMinor, 0n));
  });

  it("waits for the grace period before finalising a month", async () => {
    const fixture = await createBillingFixture(db);
    await insertUsage(db, fixture, [{ start: FEB, unitSeconds: HOUR }]);
    const early = await closeDueInvoices(db, {
      sellerCountry: SELLER,
      graceDays: 3,
      now: new Date("2026-03-02T12:00:00Z"),
      organizationIds: [fixture.organizationId],
    });
    expect(early.finalised).toEqual([]);
    const due = await closeDueInvoices(db, {
      sellerCountry: SELLER,
      graceDays: 3,
      now: new Date("2026-03-04T12:00:00Z"),
      organizationIds: [fixture.organizationId],
    });
    expect(due.finalised).toHaveLength(1);
  });

  it("corrects with a credit note that mirrors the lines, gives the subsidy back and credits a line once", async () => {
    const fixture = await createBillingFixture(db, { subsidyMinor: 500n });
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: 4 * HOUR }]);
    const { invoice } = (await finalise(fixture, "2026-01"))!;
    // 4 h × 295 = 1180; 50 % = 590, capped at 500.
    expect(invoice).toMatchObject({ listMinor: 1_180n, programmeMinor: 500n });
    const credit = await issueCreditNote(db, SYSTEM_ACTOR, {
      organizationId: fixture.organizationId,
      invoiceId: invoice.id,
      reason: "Job ran on a faulty node",
    });
    expect(credit).toMatchObject({
      kind: "CREDIT_NOTE",
      creditsInvoiceId: invoice.id,
      listMinor: -1_180n,
      programmeMinor: -500n,
      tenantNetMinor: -680n,
      vatMinor: -invoice.vatMinor,
    });
    expect(credit.number).toMatch(/^CN-2026-\d{6}$/);
    await expect(
      issueCreditNote(db, SYSTEM_ACTOR, {
        organizationId: fixture.organizationId,
        invoiceId: invoice.id,
        reason: "Twice",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // The subsidy is back: the next month's usage draws on all 500 again.
    await insertUsage(db, fixture, [{ start: FEB, unitSeconds: 4 * HOUR }]);
    const february = await finalise(fixture, "2026-02");
    expect(february!.invoice.programmeMinor).toBe(500n);
    // A stranger's invoice id is not found.
    const stranger = await createBillingFixture(db);
    await expect(
      issueCreditNote(db, SYSTEM_ACTOR, {
        organizationId: stranger.organizationId,
        invoiceId: invoice.id,
        reason: "Not mine",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the supplier and terms an invoice and its credit note were issued with, whatever the configuration says later", async () => {
    const fixture = await createBillingFixture(db, {});
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: 2 * HOUR }]);
    const then = { ...TEST_INVOICE_ISSUER, paymentTermsDays: 14 };
    const [ref] = await finaliseInvoices(db, SYSTEM_ACTOR, {
      items: [{ organizationId: fixture.organizationId, period: "2026-01" }],
      sellerCountry: SELLER,
      now: MARCH,
      supplier: then,
    });
    const later = {
      name: "Renamed Operator AG",
      address: "Elsewhere 9, 1000 Brussels, Belgium",
      vatId: "BE0123456789",
      paymentTermsDays: 60,
    };
    const document = await getInvoiceDocument(tenantOf(fixture), ref!.invoiceId, later);
    expect(document.supplier).toEqual(then);
    // Due 14 days after it was issued, as its terms said then.
    expect(document.dates.due).toBe("2026-03-24");
    const credit = await issueCreditNote(db, SYSTEM_ACTOR, {
      organizationId: fixture.organizationId,
      invoiceId: ref!.invoiceId,
      reason: "Billed twice",
      supplier: then,
    });
    const creditDocument = await getInvoiceDocument(tenantOf(fixture), credit.id, later);
    expect(creditDocument.supplier).toEqual(then);
  });

  it("prices usage at the version in force when it happened: a price change never reprices the past", async () => {
    const fixture = await createBillingFixture(db);
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: HOUR }]);
    const { priceVersionId } = await previewPriceChange(db, {
      resourceClassId: fixture.resourceClassId,
      listPriceMinorPerHour: 1_000,
    });
    await updateResourceClass(db, SYSTEM_ACTOR, {
      resourceClassId: fixture.resourceClassId,
      listPriceMinorPerHour: 1_000,
      priceConfirmation: { priceVersionId, toPriceMinor: 1_000, deliberate: true },
    });
    await insertUsage(db, fixture, [{ start: new Date(), unitSeconds: HOUR }]);
    const draft = await getInvoiceDraft(db, {
      organizationId: fixture.organizationId,
      sellerCountry: SELLER,
    });
    expect(draft.lines.map((l) => l.minorPerUnitHour).sort()).toEqual(
      [1_000, fixture.priceMinorPerHour].sort(),
    );
    await expect(
      db.priceVersion.updateMany({
        where: { resourceClassId: fixture.resourceClassId },
        data: { minorPerUnitHour: 1 },
      }),
    ).rejects.toThrow(/immutable/);
  });

  it("reverse-charges a valid VAT id in another member state, and renders a real PDF and a CSV", async () => {
    const fixture = await createBillingFixture(db, { country: "IT" });
    await db.billingAccount.update({
      where: { organizationId: fixture.organizationId },
      data: { vatId: "IT12345678901", vatIdValidatedAt: new Date() },
    });
    await insertUsage(db, fixture, [
      { start: JAN, unitSeconds: 3 * HOUR, energyMilliWh: 2_100_000 },
    ]);
    const { invoice } = (await finalise(fixture, "2026-01"))!;
    expect(invoice).toMatchObject({ vatTreatment: "REVERSE_CHARGE", vatRateBps: 0, vatMinor: 0n });
    const document = await getInvoiceDocument(tenantOf(fixture), invoice.id, TEST_INVOICE_ISSUER);
    // The programme whose award the usage drew on is named, with its whole share.
    const programme = await db.programme.findUniqueOrThrow({ where: { id: fixture.programmeId } });
    expect(document.programmeShares).toEqual([
      { name: programme.name, programmeMinor: invoice.programmeMinor },
    ]);
    expect(invoice.programmeMinor).toBeGreaterThan(0n);
    const note = invoiceSheetOf(document).notes[1]!;
    expect(note.slice(0, programme.name.length + 6)).toBe(`${programme.name} pays `);
    const pdf = await renderInvoicePdf(document);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getTitle()).toBe(`Invoice ${invoice.number}`);
    const csv = invoiceCsv(document).trim().split("\r\n");
    expect(csv[0]).toMatch(/^invoice_number,line,kind/);
    expect(csv[1]).toContain(`${invoice.number},1,USAGE,2026-01`);
    expect(csv.at(-1)).toBe(`${invoice.number},total_due_minor,${invoice.tenantTotalMinor}`);
  });

  it("writes a shared model's tokens line at the price per million it was invoiced at, on the invoice and its credit note", async () => {
    const fixture = await createBillingFixture(db);
    const suffix = randomBytes(4).toString("hex");
    const tier = await createTokenTier(db, suffix);
    await insertUsage(db, fixture, [{ start: JAN, unitSeconds: HOUR }]);
    await db.usageRecord.create({
      data: {
        organizationId: fixture.organizationId,
        source: "GATEWAY_TOKENS",
        sourceRef: `req_${suffix}`,
        intervalStart: JAN,
        intervalEnd: new Date(JAN.getTime() + 2_000),
        resourceClassId: tier.id,
        projectId: fixture.projectId,
        allocationLineId: null,
        quantity: 0,
        unitSeconds: 0n,
        tokensIn: 1_500_000n,
        tokensOut: 1_000_000n,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
      },
    });
    const { invoice } = (await finalise(fixture, "2026-01"))!;
    const stored = await invoiceWithLines(invoice.id);
    const tokensLine = stored.lines.find((line) => line.resourceClassId === tier.id)!;
    // 2.5 million tokens at €0.40 per million = 100; the line keeps its price per million.
    expect(tokensLine).toMatchObject({ tokens: 2_500_000n, minorPerUnitHour: 40, listMinor: 100n });

    const money = (minor: bigint) => formatMoney(minor, "EUR");
    const document = await getInvoiceDocument(tenantOf(fixture), invoice.id, TEST_INVOICE_ISSUER);
    expect(document.lines.map((line) => lineQuantityText(line, money))).toEqual(
      stored.lines.map((line) =>
        line.resourceClassId === tier.id
          ? { quantity: "2,500,000 tokens", price: "€0.40 per million tokens" }
          : { quantity: "1 GPU-hour", price: "€2.95 per GPU-hour" },
      ),
    );
    // The document's figures are the invoice's: lines and totals as stored.
    expect(document.lines.map((line) => line.listMinor)).toEqual(
      stored.lines.map((line) => line.listMinor),
    );
    expect(document).toMatchObject({
      listMinor: stored.listMinor,
      tenantTotalMinor: stored.tenantTotalMinor,
    });
    expect(stored.listMinor).toBe(100n + 295n);

    const credit = await issueCreditNote(db, SYSTEM_ACTOR, {
      organizationId: fixture.organizationId,
      invoiceId: invoice.id,
      positions: [tokensLine.position],
      reason: "Model answered with errors",
    });
    const creditDocument = await getInvoiceDocument(
      tenantOf(fixture),
      credit.id,
      TEST_INVOICE_ISSUER,
    );
    expect(creditDocument.lines.map((line) => lineQuantityText(line, money))).toEqual([
      { quantity: "-2,500,000 tokens", price: "€0.40 per million tokens" },
    ]);
    const [header, row] = invoiceCsv(creditDocument).split("\r\n");
    expect(header).toContain(
      ",unit_seconds,unit_hours,unit_price_minor_per_hour,tokens,unit_price_minor_per_million_tokens,list_minor,",
    );
    // No price per hour: the line's one price is per million tokens.
    expect(row).toContain(",0,0.000,,-2500000,40,-100,");
  });
});

describe("the live draft's programmes", () => {
  it("names the programme paying each line and in all, as a finalised invoice does", async () => {
    // The programme pays all of it: the organisation's share and its VAT are zero.
    const fixture = await createBillingFixture(db, { subsidyRateBps: 10_000 });
    const now = new Date();
    await insertUsage(db, fixture, [
      { start: new Date(now.getTime() - HOUR * 1000), unitSeconds: HOUR },
    ]);
    const charges = await getCurrentCharges(tenantOf(fixture), { sellerCountry: SELLER, now });
    const programme = await db.programme.findUniqueOrThrow({ where: { id: fixture.programmeId } });
    expect(charges.tenantTotalMinor).toBe(0);
    expect(charges.programmeMinor).toBeGreaterThan(0);
    expect(charges.programmeShares).toEqual([
      { name: programme.name, programmeMinor: charges.programmeMinor },
    ]);
    expect(charges.lines.map((line) => line.programmeName)).toEqual([programme.name]);
  });
});
