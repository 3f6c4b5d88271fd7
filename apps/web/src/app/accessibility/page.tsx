import type { Metadata } from "next";
import { PublicPage } from "@/components/public/public-page";
import { tpub } from "@/i18n";

export const metadata: Metadata = { title: tpub.accessibility.title };

export default function AccessibilityPage() {
  const page = tpub.accessibility;
  return <PublicPage title={page.title} lead={page.lead} sections={page.sections} />;
}
