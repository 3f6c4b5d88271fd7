import { AppError } from "../errors";
import { checkJobScript } from "./render-job-script";
import { WORKLOAD_LIMITS } from "./workload-limits";

const KNOWN_PLACEHOLDERS = new Set(["image", "command", "gpus", "nodes", "gpusPerNode", "jobName"]);

/** Pure: the problems with a template's script, or null. Templates are data operators edit. */
export function checkTemplateScript(script: string): string | null {
  const basic = checkJobScript(script, WORKLOAD_LIMITS.maxScriptBytes);
  if (basic) return basic;
  for (const match of script.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)) {
    if (!KNOWN_PLACEHOLDERS.has(match[1]!)) {
      return `{{${match[1]}}} is not a placeholder Tessera fills in; use {{image}}, {{command}}, {{gpus}}, {{nodes}}, {{gpusPerNode}} or {{jobName}}.`;
    }
  }
  if (!/\{\{\s*command\s*\}\}/.test(script)) {
    return "A template must run the user's command: put {{command}} where it runs.";
  }
  return null;
}

export function assertTemplateScript(script: string): void {
  const problem = checkTemplateScript(script);
  if (problem) throw new AppError("INVALID", problem);
}
