/** The tiny argument reader the infra helpers share: positional values and `--name value` flags. */
export function readArgs(argv: string[] = process.argv.slice(2)) {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      flags.set(arg.slice(2), argv[i + 1] ?? "");
      i += 1;
    } else {
      positional.push(arg);
    }
  }
  const number = (name: string, fallback: number) => {
    const raw = flags.get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
    return value;
  };
  return { positional, flags, number };
}

/** Retries `check` once a second until it resolves true or the deadline passes. */
export async function retryUntil(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
