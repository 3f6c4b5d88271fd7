import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "@auth/core/adapters";
import type { Database } from "@tessera/db";

interface UserRow {
  id: string;
  name: string | null;
  email: string | null;
  emailVerified: Date | null;
  image: string | null;
}

const USER_FIELDS = {
  id: true,
  name: true,
  email: true,
  emailVerified: true,
  image: true,
} as const;

function toAdapterUser(row: UserRow): AdapterUser {
  return { ...row, email: row.email ?? "" };
}

function toAdapterSession(row: {
  sessionToken: string;
  userId: string;
  expires: Date;
}): AdapterSession {
  return { sessionToken: row.sessionToken, userId: row.userId, expires: row.expires };
}

function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2025";
}

/**
 * Auth.js storage over Tessera's Prisma client: users, linked identity-provider accounts and
 * database sessions. Provider tokens are deliberately not stored: Tessera never calls the
 * identity provider on the user's behalf, so keeping them would only be a liability.
 */
export type TesseraAdapter = Required<
  Pick<
    Adapter,
    | "createUser"
    | "getUser"
    | "getUserByEmail"
    | "getUserByAccount"
    | "updateUser"
    | "linkAccount"
    | "createSession"
    | "getSessionAndUser"
    | "updateSession"
    | "deleteSession"
  >
>;

export function tesseraAdapter(database: Database): TesseraAdapter {
  return {
    async createUser(user) {
      const row = await database.user.create({
        data: {
          name: user.name ?? null,
          email: user.email ? user.email.toLowerCase() : null,
          emailVerified: user.emailVerified,
          image: user.image ?? null,
        },
        select: USER_FIELDS,
      });
      return toAdapterUser(row);
    },

    async getUser(id) {
      const row = await database.user.findUnique({ where: { id }, select: USER_FIELDS });
      return row ? toAdapterUser(row) : null;
    },

    async getUserByEmail(email) {
      const row = await database.user.findFirst({
        where: { email: { equals: email, mode: "insensitive" } },
        select: USER_FIELDS,
      });
      return row ? toAdapterUser(row) : null;
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const account = await database.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: USER_FIELDS } },
      });
      return account ? toAdapterUser(account.user) : null;
    },

    async updateUser({ id, name, email, emailVerified, image }) {
      const row = await database.user.update({
        where: { id },
        data: {
          ...(name !== undefined && { name }),
          ...(email !== undefined && { email: email.toLowerCase() }),
          ...(emailVerified !== undefined && { emailVerified }),
          ...(image !== undefined && { image }),
        },
        select: USER_FIELDS,
      });
      return toAdapterUser(row);
    },

    async linkAccount(account: AdapterAccount) {
      await database.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          scope: account.scope ?? null,
          token_type: typeof account.token_type === "string" ? account.token_type : null,
          expires_at: account.expires_at ?? null,
        },
      });
      return account;
    },

    async createSession(session) {
      const row = await database.session.create({ data: session });
      return toAdapterSession(row);
    },

    async getSessionAndUser(sessionToken) {
      const row = await database.session.findUnique({
        where: { sessionToken },
        select: { sessionToken: true, userId: true, expires: true, user: { select: USER_FIELDS } },
      });
      if (!row) return null;
      return { session: toAdapterSession(row), user: toAdapterUser(row.user) };
    },

    async updateSession({ sessionToken, expires }) {
      try {
        const row = await database.session.update({
          where: { sessionToken },
          data: expires ? { expires } : {},
        });
        return toAdapterSession(row);
      } catch (error) {
        if (isRecordNotFound(error)) return null;
        throw error;
      }
    },

    async deleteSession(sessionToken) {
      // deleteMany: signing out twice (two tabs) is not an error.
      const row = await database.session.findUnique({ where: { sessionToken } });
      await database.session.deleteMany({ where: { sessionToken } });
      return row ? toAdapterSession(row) : null;
    },
  };
}
