import Link from "next/link";
import { buttonClassName } from "@tessera/ui";
import { t } from "@/i18n";

/**
 * Cursor pagination through the URL, so pages work without JavaScript and can be bookmarked.
 * `params` are the current filters; the cursor is added or removed.
 */
export function Pagination({
  basePath,
  params,
  cursor,
  nextCursor,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  cursor: string | undefined;
  nextCursor: string | null;
}) {
  if (!cursor && !nextCursor) return null;
  const href = (nextCursorValue: string | undefined) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    if (nextCursorValue) search.set("cursor", nextCursorValue);
    const query = search.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav aria-label={t.common.pagination} className="mt-4 flex flex-wrap justify-between gap-2">
      {cursor ? (
        <Link href={href(undefined)} className={buttonClassName("secondary", "sm")}>
          <span aria-hidden="true">←</span> {t.common.firstPage}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={href(nextCursor)} className={buttonClassName("secondary", "sm")} rel="next">
          {t.common.nextPage} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
