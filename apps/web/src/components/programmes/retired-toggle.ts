import { tp } from "@/i18n";

/**
 * The catalogue's "Show retired clusters (N)" link: a real link to the same page with retired
 * clusters shown (or hidden again), keeping its other parameters but starting the clusters' list
 * from its first page. Null when there is nothing retired to show.
 */
export function retiredClustersToggle(
  base: string,
  params: Record<string, string | undefined>,
  showing: boolean,
  retiredCount: number,
): { href: string; label: string } | null {
  if (retiredCount === 0 && !showing) return null;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value && name !== "clusters" && name !== "retiredClusters") query.set(name, value);
  }
  if (!showing) query.set("retiredClusters", "show");
  const search = query.toString();
  return {
    href: search ? `${base}?${search}` : base,
    label: showing
      ? tp.catalogue.hideRetiredClusters(retiredCount)
      : tp.catalogue.showRetiredClusters(retiredCount),
  };
}
