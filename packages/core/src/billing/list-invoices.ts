import {
  decodeTimeCursor,
  encodeTimeCursor,
  pageSize,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import type { TenantAccess } from "../tenancy/tenant-access";
import { toInvoiceSummary, type InvoiceSummary } from "./invoice-view";
import { programmeSharesByInvoice } from "./programme-shares";

/** The organisation's finalised invoices and credit notes, newest first, with payment state. */
export async function listInvoices(
  tenant: TenantAccess,
  input: PageInput,
): Promise<Page<InvoiceSummary>> {
  const size = pageSize(input.limit);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await tenant.db.invoice.findMany({
    where: after
      ? {
          OR: [{ finalisedAt: { lt: after.at } }, { finalisedAt: after.at, id: { lt: after.id } }],
        }
      : {},
    orderBy: [{ finalisedAt: "desc" }, { id: "desc" }],
    take: size + 1,
  });
  const page = toPage(rows, size, (row) => encodeTimeCursor({ at: row.finalisedAt, id: row.id }));
  const invoiceIds = page.items.map((row) => row.id);
  const [payments, lines] = await Promise.all([
    tenant.db.invoicePayment.findMany({ where: { invoiceId: { in: invoiceIds } } }),
    tenant.db.invoiceLine.findMany({
      where: { invoiceId: { in: invoiceIds }, allocationId: { not: null } },
      select: { invoiceId: true, allocationId: true, programmeMinor: true },
    }),
  ]);
  const paymentOf = new Map(payments.map((payment) => [payment.invoiceId, payment]));
  const sharesOf = await programmeSharesByInvoice(tenant, lines);
  return {
    items: page.items.map((row) =>
      toInvoiceSummary(row, paymentOf.get(row.id) ?? null, sharesOf.get(row.id) ?? []),
    ),
    nextCursor: page.nextCursor,
  };
}
