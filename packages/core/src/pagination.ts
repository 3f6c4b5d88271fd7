import { AppError } from "./errors";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageInput {
  cursor?: string | null;
  limit?: number;
}

/** A position in a list ordered by (createdAt desc, id desc). */
export interface TimeCursor {
  at: Date;
  id: string;
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(limit)));
}

/** Opaque to clients; base64url so it survives a URL unchanged. */
export function encodeTimeCursor({ at, id }: TimeCursor): string {
  return Buffer.from(`${at.getTime()}:${id}`, "utf8").toString("base64url");
}

const staleCursor = () =>
  new AppError("INVALID", "That page link is no longer valid. Start again from the first page.");

export function decodeTimeCursor(cursor: string): TimeCursor {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw staleCursor();
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) throw staleCursor();
  const at = new Date(Number(match[1]));
  if (Number.isNaN(at.getTime())) throw staleCursor();
  return { at, id: match[2]! };
}

/** Prisma `where` for "after this cursor" in (createdAt desc, id desc) order. */
export function afterTimeCursor(cursor: string | null | undefined) {
  if (!cursor) return {};
  const { at, id } = decodeTimeCursor(cursor);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

export const TIME_ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Rows were fetched with `take: size + 1`; the extra one only says whether there is a next page. */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > size && last ? cursorOf(last) : null };
}

export function timeCursorOf(row: { createdAt: Date; id: string }): string {
  return encodeTimeCursor({ at: row.createdAt, id: row.id });
}
