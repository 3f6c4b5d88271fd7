import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the home procedure returns, as the home page receives it. */
export type Home = inferRouterOutputs<AppRouter>["home"]["get"];
export type OrganisationHome = Home["organizations"][number];
export type ProgrammeAdminHome = NonNullable<Home["programmeAdmin"]>;
export type ReviewerHome = NonNullable<Home["reviewer"]>;
export type OperatorHome = NonNullable<Home["operator"]>;
export type PlatformAdminHome = NonNullable<Home["platformAdmin"]>;
