/**
 * Pure: the fields of `patch` whose value differs from `current`, as {field: {from, to}} for the
 * audit log. Undefined in the patch means "leave as it is".
 */
export function changedFields<T extends object>(
  current: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = (current as Record<string, unknown>)[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
