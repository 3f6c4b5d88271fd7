/** The longest address kept; anything longer is not an address a proxy wrote. */
const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address as the platform's own proxies saw it, or null when the request says nothing
 * that can be trusted.
 *
 * Every reverse proxy of the platform appends the address it received the request from to
 * X-Forwarded-For, so the entries on the right are written by the platform and those on the left
 * by whoever sent the request: a client can put anything there. With `trustedProxyHops` proxies in
 * front of the portal, the entry the outermost one appended, `trustedProxyHops` from the right, is
 * the client as the platform saw it; every entry left of it is ignored. Next.js itself fills in
 * X-Forwarded-For with the connection's address when a request comes without one, so a portal
 * reached directly (the quick start) is one hop as well.
 *
 * A header shorter than the chain (a request that came past fewer proxies) gives its left-most
 * entry, still one a proxy of the platform wrote. Without X-Forwarded-For, X-Real-IP is used (set,
 * not appended, by a proxy that writes it); without either, null.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const hops = Math.max(1, Math.trunc(trustedProxyHops));
  const address =
    entries.length > 0
      ? entries[Math.max(0, entries.length - hops)]
      : headers.get("x-real-ip")?.trim();
  return address ? address.slice(0, MAX_ADDRESS_LENGTH) : null;
}
