"use client";

import { useState } from "react";

/**
 * What a live page announces when the status it follows changes (not on every poll): derived
 * while rendering, from the last status seen; empty until the first change.
 */
export function useStatusAnnouncement<Status extends string>(
  status: Status,
  words: (status: Status) => string,
): string {
  const [lastStatus, setLastStatus] = useState(status);
  const [announcement, setAnnouncement] = useState("");
  if (status !== lastStatus) {
    setLastStatus(status);
    setAnnouncement(words(status));
  }
  return announcement;
}

/** The polite live region a live page speaks its status changes through. */
export function StatusAnnouncement({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="sr-only" aria-live="polite" role="status" data-testid={testId}>
      {text}
    </p>
  );
}
