import type { Database, NotificationKind } from "@tessera/db";
import { NOTIFICATION_KINDS } from "./notification-kinds";

export interface MailPreference {
  kind: NotificationKind;
  mail: boolean;
}

/** The user's mail choice for every kind; a kind never chosen is mailed. */
export async function getNotificationPreferences(
  database: Database,
  userId: string,
): Promise<MailPreference[]> {
  const rows = await database.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((row) => [row.kind, row.mail]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, mail: chosen.get(kind) ?? true }));
}

/** Stores the user's choices (only the kinds given); returns every kind's choice. */
export async function setNotificationPreferences(
  database: Database,
  userId: string,
  preferences: MailPreference[],
): Promise<MailPreference[]> {
  await database.$transaction(
    preferences.map(({ kind, mail }) =>
      database.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, mail },
        update: { mail },
      }),
    ),
  );
  return getNotificationPreferences(database, userId);
}
