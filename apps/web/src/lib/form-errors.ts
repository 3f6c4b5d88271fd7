import { TRPCClientError } from "@trpc/client";
import type { FieldProblem } from "@tessera/ui";
import { t } from "@/i18n";

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string[] | undefined> | null;
}

export interface FormErrors {
  /** Per-field messages, keyed by input name. */
  fields: Record<string, string>;
  /** What the error summary lists: field problems linked to their inputs, then any general one. */
  problems: FieldProblem[];
  /** Only fewer problems than the last attempt found: the person is fixing them. */
  cleared?: boolean;
}

export const NO_ERRORS: FormErrors = { fields: {}, problems: [] };

/**
 * Pure: `errors` without the messages of the fields `names` (beside the field and in the summary),
 * for a field whose value changed since they were found; the next submit checks it again. The
 * result is marked `cleared`, so the summary does not take the focus from the field being typed in.
 */
export function withoutFieldErrors(errors: FormErrors, names: readonly string[]): FormErrors {
  const gone = names.filter((name) => name in errors.fields);
  if (gone.length === 0) return errors;
  const messages = new Set(gone.map((name) => errors.fields[name]));
  const fields = Object.fromEntries(
    Object.entries(errors.fields).filter(([name]) => !gone.includes(name)),
  );
  const problems = errors.problems.filter((problem) => !messages.has(problem.message));
  return { fields, problems, cleared: true };
}

/**
 * Turns a failed mutation into readable form errors: zod field errors go beside their fields
 * (and into the summary, linked), anything else becomes one plain sentence in the summary.
 * `fieldIds` maps input names to element ids; names not in it are reported without a link.
 */
export function formErrorsFrom(
  error: unknown,
  fieldIds: Record<string, string>,
  /** Replacement messages by field name (for example, for fields the person left empty). */
  overrides: Record<string, string> = {},
): FormErrors {
  if (!(error instanceof TRPCClientError)) {
    return { fields: {}, problems: [{ message: t.common.unexpectedError }] };
  }
  const data = (error.data ?? {}) as ErrorData;
  const fields: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [name, messages] of Object.entries(data.fieldErrors ?? {})) {
    const message = overrides[name] ?? messages?.[0];
    if (!message) continue;
    const fieldId = fieldIds[name];
    if (fieldId) fields[name] = message;
    problems.push({ fieldId, message });
  }
  if (problems.length === 0) {
    const serverFault = data.code === "INTERNAL_SERVER_ERROR" || !error.message;
    problems.push({ message: serverFault ? t.common.unexpectedError : error.message });
  }
  return { fields, problems };
}

/** One sentence for an action that is not a form (a button in a table). */
export function errorMessageFrom(error: unknown): string {
  return formErrorsFrom(error, {})
    .problems.map((p) => p.message)
    .join(" ");
}
