/**
 * A stand-in for Stripe's API in the end-to-end tests — not Stripe, and not Stripe's mock: the
 * journey needs a Stripe that remembers (an invoice pushed by the worker, later paid by the
 * customer, then re-fetched by the webhook), which Stripe's own mock server does not (it answers
 * every call from fixtures and keeps no state). It answers the few calls Tessera makes (customers,
 * customers' addresses, invoices, invoice items, finalize, retrieve) in Stripe's shapes, and one call of its own for the
 * tests: `POST /test/pay?number=<Tessera invoice number>` — the customer pays the invoice in full
 * (as on Stripe's hosted page) — answering with the Stripe invoice's id.
 *
 *   E2E_STRIPE_PORT=3104 node --import tsx e2e/support/stripe-stand-in.ts
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

interface StandInInvoice {
  id: string;
  object: "invoice";
  customer: string;
  currency: string;
  status: "draft" | "open" | "paid";
  amount_due: number;
  amount_paid: number;
  hosted_invoice_url: string | null;
  metadata: Record<string, string>;
}

const invoices = new Map<string, StandInInvoice>();
const customers = new Set<string>();
const id = (prefix: string) => `${prefix}_standin_${randomBytes(8).toString("hex")}`;

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function notFound(response: ServerResponse, what: string): void {
  send(response, 404, {
    error: { type: "invalid_request_error", message: `No such ${what}`, code: "resource_missing" },
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://stand-in");
  const path = url.pathname;
  if (request.method === "GET" && path === "/health") return send(response, 200, { ok: true });
  if (request.method === "POST" && path === "/v1/customers") {
    const customer = id("cus");
    customers.add(customer);
    return send(response, 200, { id: customer, object: "customer" });
  }
  // The worker sends a customer's postal address when the organisation sets or removes it.
  const customer = /^\/v1\/customers\/([^/]+)$/.exec(path);
  if (request.method === "POST" && customer) {
    if (!customers.has(customer[1]!)) return notFound(response, "customer");
    await formOf(request);
    return send(response, 200, { id: customer[1], object: "customer" });
  }
  if (request.method === "POST" && path === "/v1/invoices") {
    const form = await formOf(request);
    const invoice: StandInInvoice = {
      id: id("in"),
      object: "invoice",
      customer: form.get("customer") ?? "",
      currency: form.get("currency") ?? "eur",
      status: "draft",
      amount_due: 0,
      amount_paid: 0,
      hosted_invoice_url: null,
      metadata: {
        tesseraInvoiceId: form.get("metadata[tesseraInvoiceId]") ?? "",
        tesseraNumber: form.get("metadata[tesseraNumber]") ?? "",
      },
    };
    invoices.set(invoice.id, invoice);
    return send(response, 200, invoice);
  }
  if (request.method === "POST" && path === "/v1/invoiceitems") {
    const form = await formOf(request);
    const invoice = invoices.get(form.get("invoice") ?? "");
    if (!invoice) return notFound(response, "invoice");
    invoice.amount_due += Number(form.get("amount") ?? 0);
    return send(response, 200, { id: id("ii"), object: "invoiceitem", invoice: invoice.id });
  }
  const finalize = /^\/v1\/invoices\/([^/]+)\/finalize$/.exec(path);
  if (request.method === "POST" && finalize) {
    const invoice = invoices.get(finalize[1]!);
    if (!invoice) return notFound(response, "invoice");
    if (invoice.status === "draft") invoice.status = "open";
    invoice.hosted_invoice_url = `https://stand-in.invalid/pay/${invoice.id}`;
    return send(response, 200, invoice);
  }
  const retrieve = /^\/v1\/invoices\/([^/]+)$/.exec(path);
  if (request.method === "GET" && retrieve) {
    const invoice = invoices.get(retrieve[1]!);
    return invoice ? send(response, 200, invoice) : notFound(response, "invoice");
  }
  if (request.method === "POST" && path === "/test/pay") {
    const number = url.searchParams.get("number");
    const invoice = [...invoices.values()].find((i) => i.metadata.tesseraNumber === number);
    if (!invoice || invoice.status === "draft") return notFound(response, "open invoice");
    invoice.status = "paid";
    invoice.amount_paid = invoice.amount_due;
    return send(response, 200, { id: invoice.id, amountPaid: invoice.amount_paid });
  }
  return notFound(response, `route ${request.method} ${path}`);
}

const port = Number(process.env.E2E_STRIPE_PORT ?? 3104);
createServer((request, response) => {
  handle(request, response).catch((error: unknown) =>
    send(response, 500, { error: String(error) }),
  );
}).listen(port, "127.0.0.1");
