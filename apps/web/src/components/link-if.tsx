import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@tessera/ui";

/**
 * A name that links to its page when the viewer may open it (`href`), and is plain text when
 * not: a link that would only refuse them is no help.
 */
export function LinkIf({
  href,
  className,
  children,
}: {
  href: string | null;
  className?: string;
  children: ReactNode;
}) {
  return href ? (
    <Link href={href} className={cn("text-link underline", className)}>
      {children}
    </Link>
  ) : (
    <span className={className}>{children}</span>
  );
}
