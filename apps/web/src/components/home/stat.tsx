import Link from "next/link";

/** One figure with its label; a link when there is a page behind it. */
export function Stat({
  label,
  value,
  href,
  testId,
}: {
  label: string;
  value: number | string;
  href?: string;
  testId?: string;
}) {
  const figure = (
    <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>
      {value}
    </dd>
  );
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3">
      <dt className="text-sm text-fg-muted">
        {href ? (
          <Link href={href} className="text-link underline">
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      {figure}
    </div>
  );
}
