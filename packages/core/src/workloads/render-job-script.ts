import { AppError } from "../errors";

export interface ScriptValues {
  image: string;
  command: string;
  gpus: number;
  /** Nodes the job takes, and its units on each (`gpus` is the total). */
  nodes: number;
  gpusPerNode: number;
  jobName: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Shell-quotes a value for a single-quoted context. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Pure: fills a template's `{{image}}`, `{{command}}`, `{{gpus}}` (the job's units),
 * `{{nodes}}`, `{{gpusPerNode}}` and `{{jobName}}` placeholders.
 * Image and job name are shell-quoted; the command is the user's own shell line and goes in as
 * written. An unknown placeholder is an operator's typo and is refused rather than left in.
 */
export function renderJobScript(template: string, values: ScriptValues): string {
  const rendered = template.replace(PLACEHOLDER, (_, key: string) => {
    switch (key) {
      case "image":
        return shellQuote(values.image);
      case "command":
        return values.command;
      case "gpus":
        return String(values.gpus);
      case "nodes":
        return String(values.nodes);
      case "gpusPerNode":
        return String(values.gpusPerNode);
      case "jobName":
        return shellQuote(values.jobName);
      default:
        throw new AppError(
          "PRECONDITION_FAILED",
          `This template uses {{${key}}}, which Tessera does not fill in. Ask an operator to fix the template.`,
        );
    }
  });
  return rendered;
}

/** A script must start with an interpreter line; schedulers refuse anything else. */
export function checkJobScript(script: string, maxBytes: number): string | null {
  if (!script.startsWith("#!"))
    return "The script must start with an interpreter line such as #!/bin/bash.";
  if (Buffer.byteLength(script, "utf8") > maxBytes)
    return `The script is longer than ${Math.round(maxBytes / 1024)} KiB.`;
  if (script.includes("\u0000")) return "The script contains a NUL character.";
  return null;
}
