import type { ReactNode } from "react";

export interface FooterLink {
  href: string;
  label: string;
}

/**
 * The footer of every page: a `contentinfo` landmark with a named list of links (accessibility
 * statement, privacy notice, help) that wraps on narrow screens.
 */
export function SiteFooter({
  navLabel,
  links,
  children,
}: {
  navLabel: string;
  links: readonly FooterLink[];
  children?: ReactNode;
}) {
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-5 text-sm sm:flex-row sm:flex-wrap sm:items-center sm:justify-between sm:px-8">
        <nav aria-label={navLabel}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} className="text-link underline underline-offset-2">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {children ? <p className="text-fg-muted">{children}</p> : null}
      </div>
    </footer>
  );
}
