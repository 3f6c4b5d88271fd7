import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClassName, EmptyState, PageHeader } from "@tessera/ui";
import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { routes } from "@/lib/paths";

/** A page's breadcrumbs and title, then what it shows (a form, or why there is none). */
export function PageFrame({
  crumbs,
  title,
  description,
  children,
}: {
  crumbs: readonly Crumb[];
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={title} description={description} />
      {children}
    </>
  );
}

/** Nothing to do this for until the organisation has a project: a link to create one. */
export function NoProjectsState({
  organizationId,
  title,
  actionLabel,
  children,
}: {
  organizationId: string;
  title: string;
  actionLabel: string;
  children: ReactNode;
}) {
  return (
    <EmptyState
      title={title}
      action={
        <Link href={routes.projects(organizationId)} className={buttonClassName()}>
          {actionLabel}
        </Link>
      }
    >
      <p>{children}</p>
    </EmptyState>
  );
}
