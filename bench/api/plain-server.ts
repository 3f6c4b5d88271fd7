/**
 * The benchmark's baseline: the same work as `projects.list` through tRPC (resolve the Auth.js
 * database session, check membership and permission, list the organisation's projects through
 * the tenant-scoped client, JSON-encode), served by plain node:http with no framework.
 *
 *   DATABASE_URL=... node --import tsx bench/api/plain-server.ts <port>
 */
import { createServer, type ServerResponse } from "node:http";
import superjson from "superjson";
import { z } from "zod";
import { resolveSessionUser, sessionTokenFromCookieHeader } from "@tessera/auth/session";
import { listProjects, roleMay } from "@tessera/core";
import { db, tenantScoped } from "@tessera/db";

const port = Number(process.argv[2]);
const input = z.object({ organizationId: z.string().min(1).max(64) });

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  void (async () => {
    const url = new URL(request.url ?? "/", "http://bench.local");
    if (url.pathname !== "/projects") return send(response, 404, { error: "NOT_FOUND" });
    const parsed = input.safeParse(superjson.parse(url.searchParams.get("input") ?? "null"));
    if (!parsed.success) return send(response, 400, { error: "BAD_REQUEST" });
    const user = await resolveSessionUser(db, sessionTokenFromCookieHeader(request.headers.cookie));
    if (!user) return send(response, 401, { error: "UNAUTHORIZED" });
    const membership = await db.membership.findUnique({
      where: {
        organizationId_userId: { organizationId: parsed.data.organizationId, userId: user.id },
      },
      include: { organization: true },
    });
    if (!membership) return send(response, 404, { error: "NOT_FOUND" });
    if (!roleMay(membership.role, "projects.read"))
      return send(response, 403, { error: "FORBIDDEN" });
    const page = await listProjects(
      {
        organization: membership.organization,
        role: membership.role,
        db: tenantScoped(db, membership.organizationId),
      },
      {},
    );
    send(response, 200, page);
  })().catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) send(response, 500, { error: "INTERNAL_SERVER_ERROR" });
  });
});

server.listen(port, "127.0.0.1", () => console.info(`plain server on ${port}`));
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void db.$disconnect().then(() => process.exit(0));
});
