import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { invoiceDocumentOf, type InvoiceDocument } from "./invoice-document";
import { issuerOf, type InvoiceIssuer } from "./invoice-issuer";
import { classNamesOf, toInvoiceView, type InvoiceView } from "./invoice-view";
import { programmeSharesOf } from "./programme-shares";

/** One finalised invoice (or credit note) of the organisation, with its lines; 404 otherwise. */
async function loadInvoice(tenant: TenantAccess, invoiceId: string) {
  const invoice = await tenant.db.invoice.findUnique({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (!invoice) throw notFound("Invoice");
  const [payment, credited] = await Promise.all([
    tenant.db.invoicePayment.findUnique({ where: { invoiceId } }),
    invoice.creditsInvoiceId
      ? tenant.db.invoice.findUnique({
          where: { id: invoice.creditsInvoiceId },
          select: { number: true },
        })
      : null,
  ]);
  return { invoice, payment, creditsNumber: credited?.number ?? null };
}

/**
 * `supplier`: the platform operator as the configuration names it now, for documents finalised
 * before their supplier was stored on them (issuerOf).
 */
export async function getInvoice(
  tenant: TenantAccess,
  invoiceId: string,
  supplier: InvoiceIssuer,
): Promise<InvoiceView> {
  const { invoice, payment, creditsNumber } = await loadInvoice(tenant, invoiceId);
  const [classes, programmeShares] = await Promise.all([
    classNamesOf(
      tenant,
      invoice.lines.map((line) => line.resourceClassId),
    ),
    programmeSharesOf(tenant, invoice.lines),
  ]);
  return toInvoiceView(
    invoice,
    payment,
    creditsNumber,
    classes,
    issuerOf(invoice, supplier),
    programmeShares,
  );
}

/**
 * The invoice as its PDF and CSV present it (the same tenancy check as getInvoice), from its
 * stored lines: prices are not read again (see invoiceDocumentOf).
 */
export async function getInvoiceDocument(
  tenant: TenantAccess,
  invoiceId: string,
  supplier: InvoiceIssuer,
): Promise<InvoiceDocument> {
  const { invoice, creditsNumber } = await loadInvoice(tenant, invoiceId);
  const [classes, programmeShares] = await Promise.all([
    classNamesOf(
      tenant,
      invoice.lines.map((line) => line.resourceClassId),
    ),
    programmeSharesOf(tenant, invoice.lines),
  ]);
  return invoiceDocumentOf(
    invoice,
    creditsNumber,
    classes,
    issuerOf(invoice, supplier),
    programmeShares,
  );
}
