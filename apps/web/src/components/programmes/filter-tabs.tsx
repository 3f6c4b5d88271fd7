import Link from "next/link";
import { cn } from "@tessera/ui";

/** A row of links that filter a list through the URL (works without JavaScript). */
export function FilterTabs({
  label,
  tabs,
}: {
  label: string;
  tabs: readonly { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b border-line">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={cn(
                "-mb-px block border-b-4 px-3 py-2 text-sm no-underline",
                tab.current
                  ? "border-accent font-semibold text-fg"
                  : "border-transparent text-fg-muted hover:text-fg",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
