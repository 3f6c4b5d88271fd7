import { notFound } from "next/navigation";
import { cache } from "react";
import { platformRolesMay } from "@tessera/core";
import { load } from "./api";
import { requireUser } from "./session";

/** A job of the organisation (404 when there is none, or it is another organisation's). */
export const loadJob = cache((organizationId: string, workloadId: string) =>
  load((api) => api.workloads.get({ organizationId, workloadId })),
);

/** The job template to edit (404 when there is none); null for someone who may not edit it. */
export const loadJobTemplate = cache(async (templateId: string) => {
  const user = await requireUser();
  if (!platformRolesMay(user.platformRoles, "catalogue.manage")) return null;
  const templates = await load((api) => api.jobTemplates.list());
  return templates.find((template) => template.id === templateId) ?? notFound();
});
