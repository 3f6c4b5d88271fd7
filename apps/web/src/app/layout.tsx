import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Footer } from "@/components/public/footer";
import { t } from "@/i18n";
import { parseTheme, THEME_COOKIE } from "@/lib/paths";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: `${t.meta.appName} — ${t.meta.appTagline}`,
    template: `%s — ${t.meta.titleSuffix}`,
  },
  description: t.meta.description,
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme is a cookie so the server renders the chosen palette: no flash, no inline script.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="flex min-h-screen flex-col bg-canvas text-fg antialiased">
        <a
          href="#main-content"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2 focus:font-semibold focus:text-fg focus:shadow-lg"
        >
          {t.common.skipToContent}
        </a>
        {/* Every frame (signed in, signed out, not found) fills the screen above one footer. */}
        <div className="flex flex-1 flex-col">
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </div>
        <Footer />
      </body>
    </html>
  );
}
