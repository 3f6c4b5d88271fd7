/**
 * Prisma's SQL template tag without the process-wide client: for code that builds raw statements
 * but runs them on connections of its own (the gateway's quota ledger client). Importing the
 * package root creates the client, which needs the whole server environment.
 */
export { Prisma } from "./generated/prisma/client";
