import { invoiceCsv } from "@tessera/core";
import { invoiceDownload } from "@/server/billing";

/** GET …/billing/invoices/<id>/csv — the invoice's lines and totals as CSV (minor units). */
export function GET(
  _request: Request,
  { params }: { params: Promise<{ organizationId: string; invoiceId: string }> },
): Promise<Response> {
  return invoiceDownload(params, (document) =>
    Promise.resolve({ body: invoiceCsv(document), type: "text/csv; charset=utf-8", ext: "csv" }),
  );
}
