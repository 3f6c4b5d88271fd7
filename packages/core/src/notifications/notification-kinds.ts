import type { NotificationKind } from "@tessera/db";

/** Where each user chooses which notifications also come by mail. */
export const NOTIFICATION_SETTINGS_PATH = "/notifications/settings";

/** Every kind, in the order the preferences page lists them. */
export const NOTIFICATION_KINDS = [
  "JOB_ENDED",
  "REVIEW_ASSIGNED",
  "APPLICATION_DECIDED",
  "ORGANIZATION_STATUS",
  "ALLOCATION_ALERT",
  "INVITATION_ACCEPTED",
  "BUDGET_ALERT",
  "PROGRAMME_BUDGET_ALERT",
] as const satisfies readonly NotificationKind[];
