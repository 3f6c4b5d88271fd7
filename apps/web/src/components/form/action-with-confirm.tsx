"use client";

import { useState, type ReactNode } from "react";
import { Button, ConfirmDialog, type ButtonProps } from "@tessera/ui";
import { t } from "@/i18n";

/**
 * A button that asks once before it acts: it opens a dialog that says what will happen, and the
 * dialog's confirm button runs `onConfirm`, which calls `close` once the action has settled (or
 * leaves the dialog open, for example while an input in it needs fixing).
 */
export function ActionWithConfirm({
  label,
  button,
  title,
  confirmLabel,
  cancelLabel = t.common.cancel,
  busy,
  error,
  onOpen,
  onConfirm,
  children,
}: {
  label: ReactNode;
  /** The opening button's look and accessible name. */
  button?: Omit<ButtonProps, "onClick" | "children" | "busy">;
  title: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy: boolean;
  /** Why the last attempt failed, shown under the button. */
  error?: string | null;
  onOpen?: () => void;
  onConfirm: (close: () => void) => void;
  /** What the dialog says. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button
        {...button}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        busy={busy}
        onCancel={close}
        onConfirm={() => onConfirm(close)}
      >
        {/* Only while open: a closed dialog's fields would share labels with the page's own. */}
        {open ? children : null}
      </ConfirmDialog>
    </>
  );
}
