import type { FormErrors } from "./form-errors";

/**
 * Collects the problems a form finds before it sends anything, in the order they are found.
 * `fieldIds` maps input names to element ids; `add` may name another element for the link.
 */
export function formChecks(fieldIds: Record<string, string> = {}) {
  const errors: FormErrors = { fields: {}, problems: [] };
  return {
    errors,
    add(name: string, message: string, fieldId: string | undefined = fieldIds[name]): void {
      errors.fields[name] = message;
      errors.problems.push({ fieldId, message });
    },
  };
}
