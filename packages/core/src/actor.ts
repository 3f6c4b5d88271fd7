/** Who is acting and from where; every audited domain function takes one. */
export interface Actor {
  userId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, email: "system", ip: null, userAgent: null };
