import { createTRPCRouter } from "../../trpc";
import { cancelWorkloadProcedure } from "./cancel";
import { workloadFormOptionsProcedure } from "./form-options";
import { getWorkloadProcedure } from "./get";
import { listWorkloadsProcedure } from "./list";
import { previewWorkloadProcedure } from "./preview";
import { submitWorkloadProcedure } from "./submit";
import { jobsUsageSoFarProcedure, jobUsageSoFarProcedure } from "./usage-so-far";

export const workloadsRouter = createTRPCRouter({
  formOptions: workloadFormOptionsProcedure,
  preview: previewWorkloadProcedure,
  submit: submitWorkloadProcedure,
  list: listWorkloadsProcedure,
  get: getWorkloadProcedure,
  usageSoFar: jobUsageSoFarProcedure,
  usageSoFarOfJobs: jobsUsageSoFarProcedure,
  cancel: cancelWorkloadProcedure,
});
