import type { ReactNode } from "react";
import { cn } from "@tessera/ui";
import { t } from "@/i18n";
import { ScrollHint } from "./scroll-hint";

/** Keeps the first column (what each row is) in view while the rest scrolls sideways. */
const STICKY_FIRST_COLUMN =
  "[&_tr>*:first-child]:sticky [&_tr>*:first-child]:left-0 [&_tr>*:first-child]:z-[1] [&_tbody_tr>*:first-child]:bg-surface [&_tfoot_tr>*:first-child]:bg-surface [&_tr>*:first-child]:shadow-[1px_0_0_var(--color-line)]";

/**
 * A table that scrolls sideways when it is wider than its box, as a labelled region that keyboard
 * users can focus and scroll (priced tables are wider than a phone, and can be wider than a side
 * column). Whenever it does, it says so above the table (ScrollHint); `stickyFirstColumn` keeps
 * each row's name in view.
 */
export function ScrollTable({
  caption,
  children,
  className,
  stickyFirstColumn = false,
}: {
  caption: string;
  children: ReactNode;
  className?: string;
  stickyFirstColumn?: boolean;
}) {
  // Relative, so that visually hidden text in the cells stays inside the scrolling box.
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn("relative overflow-x-auto rounded-lg border border-line bg-surface", className)}
    >
      <ScrollHint text={t.common.tableScrolls} />
      <table
        className={cn(
          "w-full border-collapse text-left text-sm",
          stickyFirstColumn && STICKY_FIRST_COLUMN,
        )}
      >
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
