import type { ReactNode } from "react";
import { cn } from "@tessera/ui";

/**
 * A table that scrolls sideways on narrow screens, as a labelled region that keyboard users can
 * focus and scroll (priced tables are wider than a phone, and wider than a side column).
 */
export function ScrollTable({
  caption,
  children,
  className,
}: {
  caption: string;
  children: ReactNode;
  className?: string;
}) {
  // Relative, so that visually hidden text in the cells stays inside the scrolling box.
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn("relative overflow-x-auto rounded-lg border border-line bg-surface", className)}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
