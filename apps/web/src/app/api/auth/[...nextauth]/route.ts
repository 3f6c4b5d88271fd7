import { handlers } from "@tessera/auth/next";

export const { GET, POST } = handlers;
