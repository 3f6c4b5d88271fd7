"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback } from "react";

/** Re-renders the server components of the current page (and the shell) after a change. */
export function useRefresh(): () => void {
  const router = useRouter();
  return useCallback(() => startTransition(() => router.refresh()), [router]);
}
