import type { Metadata } from "next";
import { PublicPage } from "@/components/public/public-page";
import { tpub } from "@/i18n";

export const metadata: Metadata = { title: tpub.help.title };

export default function HelpPage() {
  const page = tpub.help;
  return <PublicPage title={page.title} lead={page.lead} sections={page.sections} />;
}
