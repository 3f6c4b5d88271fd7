/** One string value of a search parameter (the first, when it is repeated). */
export function param(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
