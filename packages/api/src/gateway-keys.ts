import { API_KEY_CHANGES_CHANNEL } from "@tessera/core";
import { apiRedis } from "./redis";

/**
 * Tells every gateway process that a key changed (created, rotated, revoked, edited), so that it
 * drops its cached copy at once. Call it only after the change committed. Best effort: a gateway
 * that misses the message still sees the key's new `updatedAt` when it next polls (every few
 * seconds), so a failure here only delays, and is logged without the key.
 */
export async function announceApiKeyChange(keyId: string): Promise<void> {
  try {
    await apiRedis().publish(API_KEY_CHANGES_CHANNEL, keyId);
  } catch (error) {
    console.warn(
      `Could not announce an API key change to the gateways (they will see it when they next poll): ${(error as Error).message}`,
    );
  }
}
