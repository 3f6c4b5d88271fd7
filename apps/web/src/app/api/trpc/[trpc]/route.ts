import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createContext } from "@tessera/api";
import { resolveSessionUser, sessionTokenFromCookieHeader } from "@tessera/auth";
import { db } from "@tessera/db";

// Cross-site POSTs are refused before they get here (src/proxy.ts checks Origin).
async function handler(request: Request): Promise<Response> {
  const user = await resolveSessionUser(
    db,
    sessionTokenFromCookieHeader(request.headers.get("cookie")),
  );
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ headers: request.headers, user }),
    onError({ error, path }) {
      // Logged on the server only; the browser gets the formatted, stack-free shape.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "(unknown)"} failed:`, error.cause ?? error);
      }
    },
    responseMeta() {
      return { headers: new Headers({ "cache-control": "no-store" }) };
    },
  });
}

export { handler as GET, handler as POST };
