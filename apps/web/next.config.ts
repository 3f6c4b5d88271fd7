import type { NextConfig } from "next";

/**
 * Security headers that do not vary per request live here; the Content-Security-Policy carries a
 * per-request nonce and is set in src/proxy.ts.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: [
    "@tessera/api",
    "@tessera/auth",
    "@tessera/config",
    "@tessera/core",
    "@tessera/db",
    "@tessera/ui",
  ],
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "nodemailer", "ioredis"],
  // The browser never gets source maps or stack traces of the server.
  productionBrowserSourceMaps: false,
  // forbidden(): a platform page refused to someone without its role answers HTTP 403.
  experimental: { authInterrupts: true },
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: securityHeaders }]);
  },
};

export default nextConfig;
