import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * The Stripe tests run against Stripe's own mock server (stripe-mock, built from the Go module
 * proxy by infra/stripe-mock/up.sh). When it does not answer, this starts it; when it cannot be
 * started, the tests fail here, loudly — they never skip.
 */
export const STRIPE_MOCK_URL = process.env.TESSERA_TEST_STRIPE_URL ?? "http://127.0.0.1:12111";

async function answers(): Promise<boolean> {
  try {
    const response = await fetch(`${STRIPE_MOCK_URL}/v1/customers`, {
      headers: { Authorization: "Bearer sk_test_123" },
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<void> {
  if (await answers()) return;
  const script = path.resolve(import.meta.dirname, "../stripe-mock/up.sh");
  try {
    execFileSync("bash", [script], { stdio: "inherit", timeout: 900_000 });
  } catch (error) {
    throw new Error(
      `stripe-mock could not be started (${(error as Error).message}); the Stripe tests need it. Run \`bash infra/stripe-mock/up.sh\` and read its output.`,
      { cause: error },
    );
  }
  if (!(await answers())) {
    throw new Error(
      `stripe-mock at ${STRIPE_MOCK_URL} does not answer after infra/stripe-mock/up.sh.`,
    );
  }
}
