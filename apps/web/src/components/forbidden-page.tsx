import { PageHeader } from "@tessera/ui";
import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";

/** A whole page that refuses: where it sits, its title (when it has one) and why not. */
export function ForbiddenPage({ crumbs, title }: { crumbs: readonly Crumb[]; title?: string }) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      {title ? <PageHeader title={title} /> : null}
      <Forbidden />
    </>
  );
}
