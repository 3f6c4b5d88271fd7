/**
 * How long the gateway spends from one lease of tokens before it ends it and gives back what its
 * calls did not use (the default of GATEWAY_LEASE_MS). Pages quote it when they say how long held
 * tokens stay held, so the words follow the gateway.
 */
export const TOKEN_LEASE_MS = 30_000;
