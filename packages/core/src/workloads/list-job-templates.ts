import type { Database, JobTemplate } from "@tessera/db";

/** Every job template, active first, for operators. */
export function listJobTemplates(database: Database): Promise<JobTemplate[]> {
  return database.jobTemplate.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }] });
}
