import type { ReactNode } from "react";
import { toneClasses, type Tone } from "./badge";
import { cn } from "./cn";

/** A banner with a title; tone shows in colour and in the left rule, the title says it in words. */
export function Alert({
  tone,
  title,
  children,
  role,
  className,
}: {
  tone: Tone;
  title: ReactNode;
  children?: ReactNode;
  role?: "alert" | "status";
  className?: string;
}) {
  return (
    <div
      role={role}
      className={cn("rounded-md border border-l-4 px-4 py-3", toneClasses(tone), className)}
    >
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
    </div>
  );
}
