import type { Database, JobTemplate } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { changedFields } from "../catalogue/changed-fields";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { assertTemplateScript } from "./job-template-rules";

export interface UpdateJobTemplateInput {
  templateId: string;
  name?: string;
  description?: string;
  script?: string;
  defaultImage?: string | null;
  active?: boolean;
}

/** Edits a template; jobs already submitted keep the script they were rendered with. */
export async function updateJobTemplate(
  database: Database,
  actor: Actor,
  input: UpdateJobTemplateInput,
): Promise<JobTemplate> {
  const script = input.script?.replace(/\r\n/g, "\n");
  if (script !== undefined) assertTemplateScript(script);
  return database.$transaction(async (tx) => {
    const current = await tx.jobTemplate.findUnique({ where: { id: input.templateId } });
    if (!current) throw notFound("Job template");
    const patch = {
      name: input.name?.trim(),
      description: input.description?.trim(),
      script,
      defaultImage:
        input.defaultImage === undefined ? undefined : input.defaultImage?.trim() || null,
      active: input.active,
    };
    const changes = changedFields(current, patch);
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.jobTemplate.update({ where: { id: current.id }, data: patch });
    await recordAuditEvent(tx, actor, {
      action: "job_template.updated",
      targetType: "JobTemplate",
      targetId: current.id,
      data: { code: current.code, changes: Object.keys(changes) },
    });
    return updated;
  }, TX_OPTIONS);
}
