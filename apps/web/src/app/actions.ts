"use server";

import { AUTH_PROVIDER_ID } from "@tessera/config";
import { signIn, signOut } from "@tessera/auth/next";
import { safeCallbackPath } from "@/lib/paths";

/** Starts the OpenID Connect flow at the national identity provider. */
export async function signInAction(formData: FormData): Promise<void> {
  const callback = formData.get("callbackUrl");
  await signIn(AUTH_PROVIDER_ID, {
    redirectTo: safeCallbackPath(typeof callback === "string" ? callback : null),
  });
}

/** Deletes the database session (server-side), clears the cookie and returns to the start page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
