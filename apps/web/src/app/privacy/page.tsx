import type { Metadata } from "next";
import { PublicPage } from "@/components/public/public-page";
import { tpub } from "@/i18n";

export const metadata: Metadata = { title: tpub.privacy.title };

export default function PrivacyPage() {
  const page = tpub.privacy;
  return <PublicPage title={page.title} lead={page.lead} sections={page.sections} />;
}
