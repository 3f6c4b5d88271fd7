"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * Asks once before a destructive action and says what will happen. Built on the native dialog
 * element, which traps focus, closes on Escape and returns focus to the opener. Never taller than
 * the screen: the title and the buttons stay in view and a long body scrolls between them (and is
 * then a stop of the keyboard's own, so that it can be scrolled without a mouse).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [bodyScrolls, setBodyScrolls] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const body = bodyRef.current;
    if (!open || !body || typeof ResizeObserver === "undefined") return;
    const measure = () => setBodyScrolls(body.scrollHeight > body.clientHeight + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    for (const child of Array.from(body.children)) observer.observe(child);
    measure();
    return () => observer.disconnect();
  }, [open, children]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50 open:flex"
    >
      <h2 id={titleId} className="shrink-0 px-5 pt-5 pb-3 text-lg font-bold wrap-anywhere">
        {title}
      </h2>
      <div
        id={bodyId}
        ref={bodyRef}
        className="min-h-0 flex-1 overflow-y-auto px-5 text-fg focus-visible:outline-offset-[-3px]"
        tabIndex={bodyScrolls ? 0 : undefined}
        role={bodyScrolls ? "region" : undefined}
        aria-labelledby={bodyScrolls ? titleId : undefined}
      >
        {children}
      </div>
      <div className="flex shrink-0 flex-wrap justify-end gap-2 px-5 pt-4 pb-5">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant="danger" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
