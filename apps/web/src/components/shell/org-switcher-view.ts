import { organisationIdFromPath, type NavOrganisation } from "./nav-data";

/**
 * What the header's organisation switcher shows. A member of one organisation has nothing to
 * choose: the header names that organisation, on every page, as a plain link to it. A member of
 * several gets the menu, headed by the organisation the page is about — or by the prompt to
 * choose one on a page about none of them (the dashboard, the programmes, a platform page).
 */
export type OrgSwitcherView =
  | { kind: "single"; organisation: NavOrganisation }
  | { kind: "menu"; current: NavOrganisation | null };

export function orgSwitcherView(
  organisations: readonly NavOrganisation[],
  pathname: string,
): OrgSwitcherView | null {
  const [only, ...others] = organisations;
  if (!only) return null;
  if (others.length === 0) return { kind: "single", organisation: only };
  const pathId = organisationIdFromPath(pathname);
  return { kind: "menu", current: organisations.find((o) => o.id === pathId) ?? null };
}
