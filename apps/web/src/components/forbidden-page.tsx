import { PageHeader } from "@tessera/ui";
import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { t } from "@/i18n";

/**
 * The heading of a page that refuses: its own title, or else where it sits (the last crumb), so
 * that every page has one first-level heading.
 */
export function forbiddenPageTitle(crumbs: readonly Crumb[], title?: string): string {
  return title ?? crumbs.at(-1)?.label ?? t.errors.forbiddenTitle;
}

/**
 * A whole page that refuses: where it sits, its heading, and why not (no permission, or with
 * `invalid` a value in the address that was not valid).
 */
export function ForbiddenPage({
  crumbs,
  title,
  invalid = null,
  resetHref,
}: {
  crumbs: readonly Crumb[];
  title?: string;
  invalid?: string | null;
  resetHref?: string;
}) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={forbiddenPageTitle(crumbs, title)} />
      <Forbidden invalid={invalid} resetHref={resetHref} />
    </>
  );
}
