import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { uniqueSuffix } from "@tessera/db/test-helpers";
import { sendMail } from "./send-mail";

/** Just enough of an SMTP server to accept messages and keep what it was sent. */
function fakeSmtpServer() {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    let buffer = "";
    let data: string[] | null = null;
    socket.write("220 tessera-test ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === ".") {
            received.push(data.join("\n"));
            data = null;
            socket.write("250 queued\r\n");
          } else {
            data.push(line);
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "DATA") {
          data = [];
          socket.write("354 go ahead\r\n");
        } else if (command === "QUIT") {
          socket.end("221 bye\r\n");
        } else {
          socket.write("250 ok\r\n");
        }
      }
    });
  });
  return { server, received };
}

describe("sendMail", () => {
  const smtp = fakeSmtpServer();
  let url = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
    const address = smtp.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    url = `smtp://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it("only stores the message with the outbox transport", async () => {
    const to = `outbox-${uniqueSuffix()}@tessera.test`;
    const stored = await sendMail(
      db,
      { to, subject: "Stored", text: "Hello" },
      {
        MAIL_TRANSPORT: "outbox",
        SMTP_URL: undefined,
        MAIL_FROM: "Tessera <no-reply@tessera.test>",
      },
    );
    expect(stored).toMatchObject({ to, subject: "Stored", sentAt: null, error: null });
    expect(smtp.received.some((m) => m.includes(to))).toBe(false);
  });

  it("stores and delivers over SMTP, recording when it was sent", async () => {
    const to = `smtp-${uniqueSuffix()}@tessera.test`;
    const sent = await sendMail(
      db,
      { to, subject: "Delivered", text: "Over the wire" },
      { MAIL_TRANSPORT: "smtp", SMTP_URL: url, MAIL_FROM: "Tessera <no-reply@tessera.test>" },
    );
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.error).toBeNull();
    const message = smtp.received.find((m) => m.includes(`To: ${to}`));
    expect(message).toContain("Subject: Delivered");
    expect(message).toContain("Over the wire");
    expect(message).toContain("From: Tessera <no-reply@tessera.test>");
  });

  it("keeps the message with the error when the mail server cannot be reached", async () => {
    const to = `down-${uniqueSuffix()}@tessera.test`;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    if (!address || typeof address === "string") throw new Error("no port");
    const kept = await sendMail(
      db,
      { to, subject: "Undeliverable", text: "…" },
      {
        MAIL_TRANSPORT: "smtp",
        SMTP_URL: `smtp://127.0.0.1:${address.port}`,
        MAIL_FROM: "x@tessera.test",
      },
    );
    expect(kept.sentAt).toBeNull();
    expect(kept.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await db.mailMessage.count({ where: { to } })).toBe(1);
  });
});
