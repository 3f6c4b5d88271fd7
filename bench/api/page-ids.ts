import { z } from "zod";

const page = z.object({ items: z.array(z.object({ id: z.string() })) });
/** tRPC with superjson wraps the page as { result: { data: { json: page } } }. */
const trpcEnvelope = z.object({ result: z.object({ data: z.object({ json: page }) }) });

/** The project ids of one page from either server, so the two answers can be compared. */
export function pageIds(body: unknown): string[] {
  const wrapped = trpcEnvelope.safeParse(body);
  if (wrapped.success) return wrapped.data.result.data.json.items.map((item) => item.id);
  const plain = page.safeParse(body);
  if (plain.success) return plain.data.items.map((item) => item.id);
  throw new Error(`unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
}
