import { serverEnv } from "@tessera/config";

/** Validates the environment at start-up; exits with the problems listed when it is not valid. */
export function assertServerEnv(): void {
  try {
    serverEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error("Tessera refuses to start with this configuration.");
    process.exit(1);
  }
}
