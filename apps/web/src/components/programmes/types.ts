import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the programme procedures return, as the pages and forms receive it. */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type ProgrammeView = Outputs["programmes"]["admin"]["get"];
export type ProgrammeForOrganisation = Outputs["programmes"]["get"];
export type CallView = ProgrammeView["calls"][number];
export type ProgrammeDashboard = Outputs["programmes"]["admin"]["dashboard"];
export type BurnDownPoint = ProgrammeDashboard["burnDown"][number];
export type BudgetProjection = ProgrammeDashboard["projection"];
export type ApplicationView = Outputs["applications"]["get"];
export type ApplicationForAdmin = Outputs["applications"]["admin"]["get"];
export type ApplicationEvent = ApplicationView["events"][number];
export type ApplicationLine = ApplicationView["lines"][number];
export type Quote = Outputs["applications"]["quote"];
export type PriceTotals = ApplicationView["requested"];
export type MyReview = Outputs["reviews"]["get"];
export type AllocationView = Outputs["allocations"]["get"];
export type ResourceClass = Outputs["catalogue"]["resourceClasses"]["list"]["items"][number];
export type PriceChangePreview = Outputs["catalogue"]["resourceClasses"]["previewPriceChange"];
export type UpdateResourceClassInput = Inputs["catalogue"]["resourceClasses"]["update"];
export type ClusterWithResources = Outputs["catalogue"]["clusters"]["get"];
export type ClusterResource = ClusterWithResources["resources"][number];
export type NotificationItem = Outputs["notifications"]["list"]["items"][number];
export type ApplicationStatus = ApplicationView["status"];
export type CallState = CallView["state"];
export type ReviewState = MyReview["state"];
export type AllocationState = AllocationView["state"];
export type RequestedLineInput = Inputs["applications"]["quote"]["lines"][number];
