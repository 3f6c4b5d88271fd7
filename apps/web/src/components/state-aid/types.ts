import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the state-aid procedures return, as the pages and forms receive them. */
type Outputs = inferRouterOutputs<AppRouter>;

export type UndertakingStanding = Outputs["stateAid"]["standing"];
export type UndertakingPage = Outputs["stateAid"]["undertakings"];
export type LedgerEntry = Outputs["stateAid"]["ledger"]["items"][number];
export type UndertakingGroupOption = Outputs["stateAid"]["groups"]["items"][number];
export type DeclaredAid = Outputs["applications"]["get"]["otherDeMinimisAid"][number];
