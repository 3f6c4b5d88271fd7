import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the workload, job template and operations procedures return, as pages receive it. */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type WorkloadPage = Outputs["workloads"]["list"];
export type WorkloadSummary = WorkloadPage["items"][number];
export type WorkloadDetail = Outputs["workloads"]["get"];
export type JobUsageSoFar = Outputs["workloads"]["usageSoFar"];
/** One running job's use so far among those of a page of the jobs list. */
export type ListedUsageSoFar = Outputs["workloads"]["usageSoFarOfJobs"][number];
export type WorkloadEventView = WorkloadDetail["events"][number];
export type WorkloadStatus = WorkloadSummary["status"];
export type WorkloadFilter = NonNullable<Inputs["workloads"]["list"]["filter"]>;
export type FormOptions = Outputs["workloads"]["formOptions"];
export type FormLine = FormOptions["lines"][number];
export type FormTemplate = FormOptions["templates"][number];
export type FormProject = FormOptions["projects"][number];
export type WorkloadPreview = Outputs["workloads"]["preview"];
export type SubmitInput = Inputs["workloads"]["submit"];
export type JobTemplateView = Outputs["jobTemplates"]["list"][number];
export type JobTemplateKind = JobTemplateView["kind"];
export type OperationsOverview = Outputs["operations"]["overview"];
export type QueueStats = OperationsOverview["queues"][number];
export type DeadLetterPage = Outputs["operations"]["deadLetters"];
export type DeadLetterView = DeadLetterPage["items"][number];
