import { NextResponse, type NextRequest } from "next/server";
import { rateLimit } from "@tessera/api";
import { handlers } from "@tessera/auth/next";

// Completing a sign-in is limited per client address: enough for people, not for guessing.
const SIGN_IN_LIMIT = 30;
const SIGN_IN_WINDOW_SECONDS = 10 * 60;

function clientAddress(request: NextRequest): string {
  return (
    request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ||
    request.headers.get("x-real-ip") ||
    "unknown"
  );
}

export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/api/auth/callback/")) {
    const result = await rateLimit(
      `signin:${clientAddress(request)}`,
      SIGN_IN_LIMIT,
      SIGN_IN_WINDOW_SECONDS,
    );
    if (!result.allowed) {
      return NextResponse.redirect(new URL("/signin?error=RateLimited", request.nextUrl), {
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
  }
  return handlers.GET(request);
}

export const POST = handlers.POST;
