import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { cn } from "./cn";

const CONTROL =
  "block w-full rounded-md border bg-surface px-3 py-2 text-base text-fg placeholder:text-fg-muted disabled:opacity-60";

function controlClass(invalid: boolean, className?: string): string {
  return cn(CONTROL, invalid ? "border-2 border-danger" : "border-line-strong", className);
}

/** Ids of the hint and error paragraphs, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * A field's hint and error paragraphs (ids `<id>-hint`, `<id>-error`, as describedBy names them),
 * for a single control's Field and for a group of controls alike.
 */
export function FieldMessages({
  id,
  hint,
  error,
  errorPrefix = "Error:",
}: {
  id: string;
  hint?: ReactNode;
  error?: string;
  /** Read before the error by screen readers; pass the locale's word. */
  errorPrefix?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-fg-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          <span className="sr-only">{errorPrefix} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * A labelled form field with an optional hint and error, in the order people read them:
 * label, hint, error, control.
 */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  optionalLabel = "(optional)",
  errorPrefix = "Error:",
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  optionalLabel?: string;
  /** Read before the error by screen readers; pass the locale's word. */
  errorPrefix?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1", error && "border-l-4 border-danger pl-3", className)}>
      <label htmlFor={id} className="block font-semibold text-fg">
        {label}
        {optional ? <span className="font-normal text-fg-muted"> {optionalLabel}</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      {children}
    </div>
  );
}

export function TextInput({
  invalid = false,
  className,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={controlClass(invalid, className)}
      {...rest}
    />
  );
}

export function TextArea({
  invalid = false,
  className,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={controlClass(invalid, className)}
      {...rest}
    />
  );
}

export function Select({
  invalid = false,
  className,
  children,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={controlClass(invalid, cn("pr-8", className))}
      {...rest}
    >
      {children}
    </select>
  );
}
