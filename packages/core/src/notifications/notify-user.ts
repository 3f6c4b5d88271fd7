import { serverEnv } from "@tessera/config";
import type { MailMessage, Notification, NotificationKind, Prisma } from "@tessera/db";
import { recordMail, type MailWriter } from "../mail/send-mail";
import { notificationMailText } from "./notification-mail-text";

export interface NotificationWriter extends MailWriter {
  notification: {
    createManyAndReturn(args: {
      data: Prisma.NotificationCreateManyInput[];
      skipDuplicates?: boolean;
    }): PromiseLike<Notification[]>;
  };
  notificationPreference: {
    findUnique(args: {
      where: { userId_kind: { userId: string; kind: NotificationKind } };
      select: { mail: true };
    }): PromiseLike<{ mail: boolean } | null>;
  };
}

export interface NotifyInput {
  user: { id: string; email: string | null };
  kind: NotificationKind;
  /**
   * Names the event, e.g. `workload-ended:<id>`: a second notice of the same event to the same
   * user is not written (nor mailed), so a handler that runs twice tells people once.
   */
  eventKey: string;
  /** The organisation the notice is about, for context (the notice is still the user's own). */
  organizationId: string | null;
  title: string;
  body: string;
  /** A path inside the portal, e.g. /orgs/<id>/applications/<id>. */
  link: string;
  /** When the notice was given; now by default. */
  createdAt?: Date;
}

/**
 * Tells a user something in the portal and, unless they turned that kind of mail off, by mail.
 * Call it inside the transaction of the change it reports; deliver the returned mail after the
 * commit with `deliverMail`. Returns nulls when this event was already notified to this user.
 */
export async function notifyUser(
  tx: NotificationWriter,
  input: NotifyInput,
): Promise<{ notification: Notification | null; mail: MailMessage | null }> {
  const [notification] = await tx.notification.createManyAndReturn({
    data: [
      {
        userId: input.user.id,
        organizationId: input.organizationId,
        kind: input.kind,
        eventKey: input.eventKey,
        title: input.title,
        body: input.body,
        link: input.link,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      },
    ],
    skipDuplicates: true,
  });
  if (!notification) return { notification: null, mail: null };
  if (!input.user.email) return { notification, mail: null };
  const preference = await tx.notificationPreference.findUnique({
    where: { userId_kind: { userId: input.user.id, kind: input.kind } },
    select: { mail: true },
  });
  if (preference && !preference.mail) return { notification, mail: null };
  const mail = await recordMail(tx, {
    to: input.user.email,
    subject: input.title,
    text: notificationMailText({
      body: input.body,
      link: input.link,
      appUrl: serverEnv().APP_URL,
    }),
  });
  return { notification, mail };
}

/**
 * Tells each of `users` the same thing (one notice each, keyed by the same event), inside the
 * caller's transaction; returns how many were newly told and the mails to deliver after commit.
 */
export async function notifyUsers(
  tx: NotificationWriter,
  users: readonly { id: string; email: string | null }[],
  notice: Omit<NotifyInput, "user">,
): Promise<{ notified: number; mails: MailMessage[] }> {
  let notified = 0;
  const mails: MailMessage[] = [];
  for (const user of users) {
    const { notification, mail } = await notifyUser(tx, { ...notice, user });
    if (notification) notified += 1;
    if (mail) mails.push(mail);
  }
  return { notified, mails };
}
