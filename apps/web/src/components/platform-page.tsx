import type { ReactNode } from "react";
import type { Crumb } from "@/components/breadcrumbs";
import { PageFrame } from "@/components/page-frame";

/**
 * A platform page (catalogue, job templates, operations): its frame, a note for people who may
 * only look, then its sections.
 */
export function PlatformPage({
  crumbs,
  title,
  lead,
  readOnlyNote,
  children,
}: {
  crumbs: readonly Crumb[];
  title: string;
  lead: string;
  /** Shown above the sections when the person may not change anything here. */
  readOnlyNote: string | null;
  children: ReactNode;
}) {
  return (
    <PageFrame crumbs={crumbs} title={title} description={lead}>
      <div className="space-y-8">
        {readOnlyNote ? <p className="text-fg-muted">{readOnlyNote}</p> : null}
        {children}
      </div>
    </PageFrame>
  );
}
