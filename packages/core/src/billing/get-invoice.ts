import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { invoiceDocumentOf, type InvoiceDocument } from "./invoice-document";
import { issuerOf, type InvoiceIssuer } from "./invoice-issuer";
import { classNamesOf, toInvoiceView, type InvoiceView } from "./invoice-view";
import { programmesOfLines } from "./programme-shares";

/**
 * One finalised invoice (or credit note) of the organisation, with its lines, its payment, the
 * number of the invoice it credits, its classes' names and its programmes' shares; 404 otherwise.
 */
async function loadInvoice(tenant: TenantAccess, invoiceId: string) {
  const invoice = await tenant.db.invoice.findUnique({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (!invoice) throw notFound("Invoice");
  const [payment, credited, classes, programmes] = await Promise.all([
    tenant.db.invoicePayment.findUnique({ where: { invoiceId } }),
    invoice.creditsInvoiceId
      ? tenant.db.invoice.findUnique({
          where: { id: invoice.creditsInvoiceId },
          select: { number: true },
        })
      : null,
    classNamesOf(
      tenant,
      invoice.lines.map((line) => line.resourceClassId),
    ),
    programmesOfLines(tenant, invoice.lines),
  ]);
  return { invoice, payment, creditsNumber: credited?.number ?? null, classes, programmes };
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
  const { invoice, payment, creditsNumber, classes, programmes } = await loadInvoice(
    tenant,
    invoiceId,
  );
  return toInvoiceView(
    invoice,
    payment,
    creditsNumber,
    classes,
    issuerOf(invoice, supplier),
    programmes,
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
  const { invoice, creditsNumber, classes, programmes } = await loadInvoice(tenant, invoiceId);
  return invoiceDocumentOf(
    invoice,
    creditsNumber,
    classes,
    issuerOf(invoice, supplier),
    programmes.shares,
  );
}
