export * from "./errors";
export * from "./actor";
export * from "./audit/hash";
export * from "./audit/record-audit-event";
export * from "./audit/verify-audit-chain";
export * from "./tenancy/permissions";
