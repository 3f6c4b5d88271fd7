"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@tessera/ui";
import { useRefresh } from "@/components/forms/use-refresh";
import { tp } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/** Marks one notification (or, without an id, every one) as read. */
export function MarkReadButton({
  notificationId,
  title,
}: {
  notificationId?: string;
  title?: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const mark = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => refresh(),
      onError: (failure) => setError(errorMessageFrom(failure)),
    }),
  );
  const n = tp.notifications;
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        busy={mark.isPending}
        onClick={() => mark.mutate({ notificationIds: notificationId ? [notificationId] : null })}
      >
        {notificationId ? n.markRead : n.markAllRead}
        {notificationId && title ? <span className="sr-only">: {title}</span> : null}
      </Button>
      {error ? (
        <span role="alert" className="text-sm font-semibold text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
