import { NOTIFICATION_SETTINGS_PATH } from "./notification-kinds";

/**
 * The text of a notice's mail: what happened, where to see it, and where to turn such mail off.
 * Each address stands on a line of its own, so that no punctuation touches it: a mail client
 * that makes addresses clickable would otherwise take a closing full stop into the link.
 */
export function notificationMailText(input: { body: string; link: string; appUrl: string }) {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  return [
    input.body,
    "",
    `${appUrl}${input.link}`,
    "",
    "To turn off these emails, change your notification settings:",
    `${appUrl}${NOTIFICATION_SETTINGS_PATH}`,
  ].join("\n");
}
