import { NextResponse, type NextRequest } from "next/server";
import { clientAddress, rateLimit } from "@tessera/api";
import { handlers } from "@tessera/auth/next";
import { serverEnv } from "@tessera/config";

// Completing a sign-in is limited per client address: enough for people, not for guessing.
const SIGN_IN_LIMIT = 30;
const SIGN_IN_WINDOW_SECONDS = 10 * 60;

export async function GET(request: NextRequest): Promise<Response> {
  // Keyed on the address the platform's own proxy saw, so a made-up X-Forwarded-For gets round
  // nothing. A request that names no address at all is not limited: Next.js puts the
  // connection's address in the header when there is none, so this is a deployment that strips
  // it, and one shared bucket for all such requests would let one person lock everyone out of
  // signing in, which is worse than no limit on requests that cannot be told apart anyway.
  const address = clientAddress(request.headers, serverEnv().TRUSTED_PROXY_HOPS);
  if (address && request.nextUrl.pathname.startsWith("/api/auth/callback/")) {
    const result = await rateLimit(`signin:${address}`, SIGN_IN_LIMIT, SIGN_IN_WINDOW_SECONDS);
    if (!result.allowed) {
      return NextResponse.redirect(new URL("/signin?error=RateLimited", request.nextUrl), {
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
  }
  return handlers.GET(request);
}

export const POST = handlers.POST;
