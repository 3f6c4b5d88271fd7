import { renderInvoicePdf } from "@tessera/core";
import { invoiceDownload } from "@/server/billing";

/** GET …/billing/invoices/<id>/pdf — the finalised invoice as a PDF document. */
export function GET(
  _request: Request,
  { params }: { params: Promise<{ organizationId: string; invoiceId: string }> },
): Promise<Response> {
  return invoiceDownload(params, async (document) => ({
    body: Buffer.from(await renderInvoicePdf(document)),
    type: "application/pdf",
    ext: "pdf",
  }));
}
