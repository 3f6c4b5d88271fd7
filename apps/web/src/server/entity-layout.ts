import { notFound } from "next/navigation";
import type { ReactNode } from "react";

/** What a row id in a URL can be (the API's own rule): anything else names nothing. */
const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The layout of a detail page's segment: it loads the entity the id names before the segment's
 * loading boundary, so that an id that does not exist, or that the person may not see, answers a
 * real HTTP 404. Below a loading boundary the response has already begun, with status 200, by
 * the time the page finds out. Pass the page's own `cache()`d loader, so the entity is read once
 * per request. A segment that cannot be an id at all (`a.b`, 200 characters) is not found
 * either, rather than the API's "not a valid id".
 */
export function entityLayout<Params>(loadEntity: (params: Params) => Promise<unknown>) {
  return async function EntityLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<Params>;
  }) {
    const values = await params;
    notFoundUnlessRowIds(values);
    await loadEntity(values);
    return children;
  };
}

/**
 * Not found unless every parameter could be a row id. A segment's generateMetadata runs beside
 * its layout, not after it, so it checks the ids the same way before it loads anything.
 */
export function notFoundUnlessRowIds(values: unknown): void {
  for (const value of Object.values(values as Record<string, unknown>)) {
    if (typeof value === "string" && !ROW_ID.test(decodeURIComponentSafe(value))) notFound();
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
