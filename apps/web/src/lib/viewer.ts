import type { PlatformRole } from "@tessera/db";

/**
 * Who is looking at a page, as far as links on it are concerned: the platform roles they hold
 * and the organisations they are a member of. A link is drawn only to a page this person may
 * open; anything else is shown as plain text.
 */
export interface Viewer {
  platformRoles: readonly PlatformRole[];
  /** Ids of the organisations the viewer belongs to (any role opens the tenant pages linked). */
  memberOf: ReadonlySet<string>;
}
