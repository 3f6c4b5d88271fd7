/**
 * The quota ledger's entry points for processes that hold their own database connections (the
 * gateway's token leases): placing and closing holds, and the errors they raise.
 */
export { AppError } from "../errors";
export { placeHold, type PlacedHold, type PlaceHoldInput } from "./place-hold";
export { placeHoldUpTo } from "./place-hold-up-to";
export { closeHold, type ClosedHold } from "./close-hold";
export { drawLeaseOverrun, type LeaseHold } from "./draw-lease-overrun";
export type { QuotaClient } from "./quota-client";
