"use client";

import { useState } from "react";
import { Button } from "@tessera/ui";

/** Copies `text` and announces whether it worked, in words, beside the button. */
export function CopyButton({
  text,
  label,
  copied,
  failed,
}: {
  text: string;
  label: string;
  copied: string;
  failed: string;
}) {
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setOutcome(copied),
            () => setOutcome(failed),
          );
        }}
      >
        {label}
      </Button>
      <p role="status" className="text-sm">
        {outcome}
      </p>
    </div>
  );
}
