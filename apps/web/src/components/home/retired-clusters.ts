import { th } from "@/i18n";

/**
 * The operator's home lists clusters in service; retired ones (listed only while work is still on
 * them) wait behind a toggle that counts them: its label, or null when none is retired.
 */
export function clustersOnHome<T extends { active: boolean }>(
  clusters: readonly T[],
  showRetired: boolean,
): { active: T[]; retired: T[]; toggle: string | null } {
  const active = clusters.filter((cluster) => cluster.active);
  const retired = clusters.filter((cluster) => !cluster.active);
  const o = th.home.operator;
  return {
    active,
    retired,
    toggle:
      retired.length === 0
        ? null
        : showRetired
          ? o.hideRetired(retired.length)
          : o.showRetired(retired.length),
  };
}
