"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@tessera/ui";

/**
 * The line above a scrolling table that says it scrolls — shown whenever the table is wider than
 * its box, at any screen width (a desktop side column clips as a phone does), and hidden when every
 * column fits. Before the page's script runs it shows on phones only, where tables nearly always
 * scroll.
 */
export function ScrollHint({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [overflowing, setOverflowing] = useState<boolean | null>(null);
  useEffect(() => {
    const region = ref.current?.parentElement;
    if (!region) return;
    const check = () => setOverflowing(region.scrollWidth > region.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(region);
    const table = region.querySelector("table");
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return (
    <p
      ref={ref}
      className={cn(
        "sticky left-0 border-b border-line px-3 py-1.5 text-xs text-fg-muted",
        overflowing === null ? "sm:hidden" : overflowing ? "block" : "hidden",
      )}
      data-testid="scroll-hint"
      data-overflowing={overflowing === null ? undefined : String(overflowing)}
    >
      {text}
    </p>
  );
}
