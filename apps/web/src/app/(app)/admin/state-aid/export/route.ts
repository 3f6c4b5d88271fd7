import { createContext } from "@tessera/api";
import { resolveSessionUser, sessionTokenFromCookieHeader } from "@tessera/auth";
import {
  exportStateAidLedger,
  parseDay,
  platformRolesMay,
  recordStateAidExport,
  type StateAidLedgerFilter,
} from "@tessera/core";
import { db } from "@tessera/db";
import { stateAidCsvHeader, stateAidCsvLine } from "@/lib/state-aid-csv";

function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The export's filter from the address, or the reason it cannot be read. */
function filterFrom(search: URLSearchParams): StateAidLedgerFilter | string {
  const kind = search.get("kind") ?? "award";
  if (kind !== "award" && kind !== "declared" && kind !== "all")
    return "Choose what to export: kind=award (the register), kind=declared or kind=all.";
  const filter: StateAidLedgerFilter = {
    kind: kind === "award" ? "AWARD" : kind === "declared" ? "DECLARED" : null,
  };
  for (const [name, key] of [
    ["organization", "organizationId"],
    ["group", "groupId"],
  ] as const) {
    const value = search.get(name);
    if (value === null || value === "") continue;
    if (!ID.test(value)) return `That is not a valid ${name} id.`;
    filter[key] = value;
  }
  for (const name of ["from", "to"] as const) {
    const value = search.get(name);
    if (value === null || value === "") continue;
    if (!parseDay(value)) return `${name}= is not a date; use the form YYYY-MM-DD.`;
    filter[name] = value;
  }
  return filter;
}

/**
 * GET /admin/state-aid/export?kind=award|declared|all&from=&to=&organization=&group= — the de
 * minimis ledger as CSV for the national state-aid register (awards by default), oldest grant
 * first, streamed, for those who may read the ledger. The download is recorded in the audit log.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await resolveSessionUser(
    db,
    sessionTokenFromCookieHeader(request.headers.get("cookie")),
  );
  if (!user) return refusal(401, "Sign in to continue.");
  if (!platformRolesMay(user.platformRoles, "stateAid.read"))
    return refusal(403, "This needs a platform role you do not hold.");
  const filter = filterFrom(new URL(request.url).searchParams);
  if (typeof filter === "string") return refusal(400, filter);
  if (filter.from && filter.to && filter.to < filter.from)
    return refusal(400, "The last day must not be before the first day.");

  // The actor (who, from where) exactly as a tRPC procedure would record it.
  const { actor } = createContext({ headers: request.headers, user });
  await recordStateAidExport(db, actor, filter);
  const pages = exportStateAidLedger(db, filter);
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${stateAidCsvHeader()}\r\n`));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(next.value.map((entry) => `${stateAidCsvLine(entry)}\r\n`).join("")),
      );
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tessera-state-aid-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
