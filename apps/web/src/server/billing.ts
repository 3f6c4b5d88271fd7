import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller, createContext } from "@tessera/api";
import type { InvoiceDocument } from "@tessera/core";
import { loadIfAllowed } from "./api";
import { currentUser } from "./session";

/** An invoice of the organisation (404 when there is none, or it is another organisation's). */
export const loadInvoice = cache((organizationId: string, invoiceId: string) =>
  loadIfAllowed((api) => api.billing.invoice({ organizationId, invoiceId })),
);

/** A programme as its administrators see it (404 when there is no such programme). */
export const loadProgrammeForStatement = cache((programmeId: string) =>
  loadIfAllowed((api) => api.programmes.admin.get({ programmeId })),
);

const STATUS: Partial<Record<TRPCError["code"], [number, string]>> = {
  UNAUTHORIZED: [401, "Sign in to continue."],
  FORBIDDEN: [403, "Your role may not read this organisation's invoices."],
  // A stranger, an id that names nothing and one that cannot be an id get the same answer.
  NOT_FOUND: [404, "Not found."],
  BAD_REQUEST: [404, "Not found."],
};

/**
 * A download of one invoice (PDF, CSV), through the same procedure and tenancy check as the
 * invoice page: a stranger gets 404, as for an invoice that does not exist.
 */
export async function invoiceDownload(
  params: Promise<{ organizationId: string; invoiceId: string }>,
  render: (document: InvoiceDocument) => Promise<{ body: BodyInit; type: string; ext: string }>,
): Promise<Response> {
  const { organizationId, invoiceId } = await params;
  const api = createCaller(createContext({ headers: await headers(), user: await currentUser() }));
  let document: InvoiceDocument;
  try {
    document = await api.billing.invoiceDocument({ organizationId, invoiceId });
  } catch (error) {
    const known = error instanceof TRPCError ? STATUS[error.code] : undefined;
    if (!known) throw error;
    return new Response(`${known[1]}\n`, {
      status: known[0],
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const file = await render(document);
  const name = `tessera-${document.number}.${file.ext}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(file.body, {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
