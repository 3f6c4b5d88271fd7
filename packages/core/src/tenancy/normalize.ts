/** Emails are compared and stored in lower case, so "Ada@X.test" and "ada@x.test" are one person. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Registry numbers are compared without case or repeated spaces ("hrb  123" = "HRB 123"). */
export function normalizeRegistryId(value: string): string {
  return value.trim().replace(/\s+/g, " ").toUpperCase();
}

/** A URL-safe slug from a display name; never empty. */
export function slugify(name: string, fallback = "org"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || fallback;
}
