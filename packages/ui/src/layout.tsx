import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({
  children,
  className,
  title,
  actions,
}: {
  children: ReactNode;
  className?: string;
  title?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className={cn("rounded-lg border border-line bg-surface", className)}>
      {title ? (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-5 py-3">
          <h2 className="text-lg font-semibold text-fg">{title}</h2>
          {actions}
        </div>
      ) : null}
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

export function PageHeader({
  title,
  description,
  actions,
  meta,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight text-fg [overflow-wrap:anywhere] sm:text-3xl">
            {title}
          </h1>
          {meta}
        </div>
        {description ? (
          <p className="max-w-3xl text-fg-muted [overflow-wrap:anywhere]">{description}</p>
        ) : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
      <p className="text-lg font-semibold text-fg">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-xl text-fg-muted">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

export function DescriptionList({
  items,
}: {
  items: readonly { term: ReactNode; detail: ReactNode }[];
}) {
  // Two columns only when the list itself is wide enough (a container query, not the screen's
  // width): in a narrow side card the terms would squeeze the details until words broke mid-word.
  // A long term wraps within two fifths of the width rather than squeezing its detail, so that
  // an amount beside it is never broken ("€300,000.⏎00").
  return (
    <div className="@container">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 @md:grid-cols-[fit-content(40%)_minmax(0,1fr)]">
        {items.map((item, index) => (
          <div key={index} className="contents">
            <dt className="font-semibold text-fg-muted">{item.term}</dt>
            <dd className="min-w-0 break-words text-fg">{item.detail}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function Th({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <th
      scope="col"
      className={cn(
        "border-b border-line bg-surface-muted px-4 py-2.5 font-semibold text-fg",
        className,
      )}
    >
      {children}
    </th>
  );
}

export function Td({
  children,
  className,
  colSpan,
}: {
  children?: ReactNode;
  className?: string;
  colSpan?: number;
}) {
  return (
    <td
      colSpan={colSpan}
      className={cn("border-b border-line px-4 py-3 align-top text-fg", className)}
    >
      {children}
    </td>
  );
}
