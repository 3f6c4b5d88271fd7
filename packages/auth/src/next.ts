import NextAuth from "next-auth";
import { headers } from "next/headers";
import { clientAddress } from "@tessera/api";
import { serverEnv } from "@tessera/config";
import { db } from "@tessera/db";
import { tesseraAuthConfig, type RequestOrigin } from "./config";

const requestOrigin: RequestOrigin = async () => {
  try {
    const incoming = await headers();
    return {
      ip: clientAddress(incoming, serverEnv().TRUSTED_PROXY_HOPS),
      userAgent: incoming.get("user-agent")?.slice(0, 512) ?? null,
    };
  } catch {
    // Outside a request (scripts, tests) there are no headers to read.
    return { ip: null, userAgent: null };
  }
};

/** Auth.js for the Next.js app; configured lazily so that building the app reads no secrets. */
export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  tesseraAuthConfig(serverEnv(), db, requestOrigin),
);
