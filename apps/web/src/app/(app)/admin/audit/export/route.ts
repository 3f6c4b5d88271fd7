import { createContext } from "@tessera/api";
import { resolveSessionUser, sessionTokenFromCookieHeader } from "@tessera/auth";
import {
  auditExportJsonLine,
  exportAuditEvents,
  platformRolesMay,
  recordAuditExport,
  type AuditExportFormat,
} from "@tessera/core";
import { db } from "@tessera/db";
import { auditCsvHeader, auditCsvLine } from "@/lib/audit-csv";

const CONTENT_TYPE: Record<AuditExportFormat, string> = {
  jsonl: "application/jsonl; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * GET /admin/audit/export?format=jsonl|csv — the whole audit chain, oldest first, streamed, for
 * platform roles that may read the whole log (the same permission as the audit page). The export
 * is itself recorded in the chain.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await resolveSessionUser(
    db,
    sessionTokenFromCookieHeader(request.headers.get("cookie")),
  );
  if (!user) return refusal(401, "Sign in to continue.");
  if (!platformRolesMay(user.platformRoles, "audit.readAll"))
    return refusal(403, "This needs a platform role you do not hold.");
  const format = new URL(request.url).searchParams.get("format");
  if (format !== "jsonl" && format !== "csv")
    return refusal(400, "Choose the export format: format=jsonl or format=csv.");

  // The actor (who, from where) exactly as a tRPC procedure would record it.
  const { actor } = createContext({ headers: request.headers, user });
  await recordAuditExport(db, actor, format);
  const pages = exportAuditEvents(db);
  const encoder = new TextEncoder();
  let headerSent = format !== "csv";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${auditCsvHeader()}\r\n`));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      const lines = next.value.map((row) =>
        format === "csv" ? `${auditCsvLine(row)}\r\n` : `${auditExportJsonLine(row.record)}\n`,
      );
      controller.enqueue(encoder.encode(lines.join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="tessera-audit-${day}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
