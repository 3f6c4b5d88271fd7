/**
 * Runs once when the server starts. A misconfigured environment (a production portal with the
 * development secret or the development outbox on, say) stops the server here, with every problem
 * listed, instead of failing request by request.
 */
export async function register(): Promise<void> {
  // Next.js's own marker of the runtime; the check needs Node's process.exit.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertServerEnv } = await import("./server/check-env");
    assertServerEnv();
  }
}
