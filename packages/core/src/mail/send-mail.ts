import { createTransport, type Transporter } from "nodemailer";
import { serverEnv, type ServerEnv } from "@tessera/config";
import type { MailMessage, Prisma } from "@tessera/db";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Any client that can write the outbox: the plain one, a transaction or a tenant-scoped one. */
export interface MailWriter {
  mailMessage: {
    create(args: { data: Prisma.MailMessageUncheckedCreateInput }): PromiseLike<MailMessage>;
    update(args: {
      where: { id: string };
      data: { sentAt?: Date | null; error?: string | null };
    }): PromiseLike<MailMessage>;
  };
}

/**
 * Stores a message in the outbox. Call it inside the transaction of the change that causes the
 * mail, so a rolled-back change sends nothing; deliver after the commit with `deliverMail`.
 */
export async function recordMail(writer: MailWriter, mail: OutgoingMail): Promise<MailMessage> {
  return writer.mailMessage.create({
    data: { to: mail.to.trim().toLowerCase(), subject: mail.subject, text: mail.text },
  });
}

let transporter: { url: string; transport: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (transporter?.url !== url) {
    // Short timeouts: delivery runs in the request that caused the mail.
    const transport = createTransport({
      url,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
    transporter = { url, transport };
  }
  return transporter.transport;
}

export type MailSettings = Pick<ServerEnv, "MAIL_TRANSPORT" | "SMTP_URL" | "MAIL_FROM">;

/**
 * Delivers a stored message when MAIL_TRANSPORT=smtp and records the outcome on its row. With the
 * outbox transport (development and tests) the stored row is the delivery. Never throws: a mail
 * server being down must not undo the change that caused the mail.
 */
export async function deliverMail(
  database: MailWriter,
  message: MailMessage,
  env: MailSettings = serverEnv(),
): Promise<MailMessage> {
  if (env.MAIL_TRANSPORT !== "smtp" || !env.SMTP_URL) return message;
  try {
    await smtpTransport(env.SMTP_URL).sendMail({
      from: env.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return await database.mailMessage.update({
      where: { id: message.id },
      data: { sentAt: new Date(), error: null },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Mail ${message.id} was not delivered: ${reason}`);
    return database.mailMessage.update({
      where: { id: message.id },
      data: { error: reason.slice(0, 1000) },
    });
  }
}

/** Stores and (with SMTP) delivers a message that is not part of a larger change. */
export async function sendMail(
  database: MailWriter,
  mail: OutgoingMail,
  env: MailSettings = serverEnv(),
): Promise<MailMessage> {
  return deliverMail(database, await recordMail(database, mail), env);
}
