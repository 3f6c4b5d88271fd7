import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@tessera/config";
import { STREAMED_SVG_SEGMENT_STYLE_HASH } from "@/lib/csp";
import { NONCE_HEADER, PATH_HEADER } from "@/lib/paths";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function contentSecurityPolicy(nonce: string, env: ReturnType<typeof serverEnv>): string {
  const development = env.NODE_ENV === "development";
  const https = new URL(env.APP_URL).protocol === "https:";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-hashes' '${STREAMED_SVG_SEGMENT_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Signing in posts a form that continues at the identity provider.
    `form-action 'self' ${new URL(env.OIDC_ISSUER).origin}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Runs before every page and route: refuses cross-site state changes (CSRF), sets a
 * Content-Security-Policy with a fresh nonce, and tells server components which path was asked
 * for (so signed-out visitors come back to it after signing in).
 */
/**
 * Server-to-server webhooks authenticate by their signature, carry no cookie and no Origin: the
 * CSRF check (which guards cookie-authenticated requests) does not apply to them.
 */
const SIGNED_WEBHOOK_PATHS = new Set(["/api/webhooks/stripe"]);

export function proxy(request: NextRequest): NextResponse {
  const env = serverEnv();
  const appOrigin = new URL(env.APP_URL).origin;

  if (
    !SAFE_METHODS.has(request.method) &&
    request.headers.get("origin") !== appOrigin &&
    !SIGNED_WEBHOOK_PATHS.has(request.nextUrl.pathname)
  ) {
    return NextResponse.json(
      {
        error: {
          code: "FORBIDDEN",
          message: "This request did not come from Tessera and was refused.",
        },
      },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, env);
  const url = request.nextUrl;
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(PATH_HEADER, `${url.pathname}${query ? `?${query}` : ""}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (new URL(env.APP_URL).protocol === "https:") {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
