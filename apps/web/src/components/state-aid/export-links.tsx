import { tsa } from "@/i18n";
import { stateAidRoutes } from "./paths";

/** The register export: awards (what the register records), or with the declared aid too. */
export function ExportLinks({ search = "" }: { search?: string }) {
  const p = tsa.page;
  const join = (kind: string) =>
    `${stateAidRoutes.export}?kind=${kind}${search ? `&${search}` : ""}`;
  return (
    <div className="space-y-1 rounded-lg border border-line bg-surface p-4">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a href={join("award")} className="font-semibold text-link underline" download>
          {p.export}
        </a>
        <a href={join("all")} className="text-link underline" download>
          {p.exportDeclared}
        </a>
      </p>
      <p className="text-sm text-fg-muted">{p.exportHint}</p>
      <p className="text-sm text-fg-muted">{p.exportDeclaredHint}</p>
    </div>
  );
}
