import { FilterTabs } from "@/components/programmes/filter-tabs";
import { tsa } from "@/i18n";
import { stateAidRoutes } from "./paths";

/** The two views of the state-aid pages: undertakings with their totals, and the ledger. */
export function StateAidTabs({ current }: { current: "undertakings" | "ledger" }) {
  return (
    <FilterTabs
      label={tsa.page.tabs}
      tabs={[
        {
          href: stateAidRoutes.undertakings,
          label: tsa.page.tabUndertakings,
          current: current === "undertakings",
        },
        { href: stateAidRoutes.ledger, label: tsa.page.tabLedger, current: current === "ledger" },
      ]}
    />
  );
}
