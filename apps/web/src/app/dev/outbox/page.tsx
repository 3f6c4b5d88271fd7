import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, PageHeader } from "@tessera/ui";
import { serverEnv } from "@tessera/config";
import { db } from "@tessera/db";
import { PublicFrame } from "@/components/public-frame";
import { formatDateTime, t } from "@/i18n";
import { splitLinks } from "@/lib/linkify";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: t.outbox.title };

/** Mail text with its web addresses made clickable (the text itself is never treated as HTML). */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.href ? (
          <a
            key={index}
            href={part.href}
            className="break-all text-link underline"
            data-testid="outbox-link"
          >
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Development and tests only: the mail Tessera stored for the signed-in person. Absent (404)
 * unless DEV_OUTBOX_ENABLED is on; a visitor who is not signed in is sent to sign in first.
 */
export default async function OutboxPage() {
  if (!serverEnv().DEV_OUTBOX_ENABLED) notFound();
  const user = await requireUser();
  const messages = user.email
    ? await db.mailMessage.findMany({
        where: { to: { equals: user.email, mode: "insensitive" } },
        orderBy: { createdAt: "desc" },
        take: 50,
      })
    : [];

  return (
    <PublicFrame>
      <PageHeader title={t.outbox.title} description={t.outbox.lead(user.email ?? "")} />
      {messages.length === 0 ? (
        <Alert tone="info" title={t.outbox.empty} />
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li
              key={message.id}
              className="rounded-lg border border-line bg-surface p-4"
              data-testid="outbox-message"
              data-to={message.to}
            >
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[6rem_1fr]">
                <dt className="font-semibold text-fg-muted">{t.outbox.to}</dt>
                <dd>{message.to}</dd>
                <dt className="font-semibold text-fg-muted">{t.outbox.subject}</dt>
                <dd className="font-semibold">{message.subject}</dd>
                <dt className="font-semibold text-fg-muted">{t.outbox.sent}</dt>
                <dd>{formatDateTime(message.createdAt)}</dd>
              </dl>
              <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-surface-muted p-3 font-sans text-sm">
                <Linkified text={message.text} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </PublicFrame>
  );
}
