import { createHash } from "node:crypto";

export const ACCOUNT_NAME_MAX = 30;

/**
 * Pure: the tenant's account name on a backend — `t_` and the organisation slug reduced to
 * [a-z0-9_], at most 30 characters in all. A slug too long to fit keeps its start and ends in a
 * short digest of the organisation id, so two long slugs with the same start never share an
 * account.
 */
export function tenantAccountName(slug: string, organizationId: string): string {
  const cleaned = slug
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "");
  const base = `t_${cleaned || "org"}`;
  if (base.length <= ACCOUNT_NAME_MAX) return base;
  const digest = createHash("sha256").update(organizationId).digest("hex").slice(0, 6);
  const head = base.slice(0, ACCOUNT_NAME_MAX - digest.length - 1).replace(/_+$/g, "");
  return `${head}_${digest}`;
}
