import type { ReactNode } from "react";

/**
 * The layout of a detail page's segment: it loads the entity the id names before the segment's
 * loading boundary, so that an id that does not exist, or that the person may not see, answers a
 * real HTTP 404. Below a loading boundary the response has already begun, with status 200, by
 * the time the page finds out. Pass the page's own `cache()`d loader, so the entity is read once
 * per request.
 */
export function entityLayout<Params>(loadEntity: (params: Params) => Promise<unknown>) {
  return async function EntityLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<Params>;
  }) {
    await loadEntity(await params);
    return children;
  };
}
