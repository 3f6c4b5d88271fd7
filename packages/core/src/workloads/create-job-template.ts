import type { Database, JobTemplate, JobTemplateKind } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import { assertTemplateScript } from "./job-template-rules";

export interface CreateJobTemplateInput {
  code: string;
  name: string;
  description: string;
  kind: JobTemplateKind;
  script: string;
  defaultImage?: string | null;
}

/** Adds a job template researchers can start from (`now`: when; now by default). */
export async function createJobTemplate(
  database: Database,
  actor: Actor,
  input: CreateJobTemplateInput,
  now: Date = new Date(),
): Promise<JobTemplate> {
  const code = input.code.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(code)) {
    throw new AppError("INVALID", "A template code is 2–40 lower-case letters, digits and dashes.");
  }
  const script = input.script.replace(/\r\n/g, "\n");
  assertTemplateScript(script);
  try {
    return await database.$transaction(async (tx) => {
      const template = await tx.jobTemplate.create({
        data: {
          code,
          name: input.name.trim(),
          description: input.description.trim(),
          kind: input.kind,
          script,
          defaultImage: input.defaultImage?.trim() || null,
          createdAt: now,
          updatedAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "job_template.created",
        occurredAt: now,
        targetType: "JobTemplate",
        targetId: template.id,
        data: { code, kind: input.kind },
      });
      return template;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A template with the code "${code}" exists already.`);
    }
    throw error;
  }
}
