import { SiteFooter } from "@tessera/ui";
import { tpub } from "@/i18n";
import { routes } from "@/lib/paths";

/** The links every page ends with, signed in or not. */
export const FOOTER_LINKS = [
  { href: routes.accessibility, label: tpub.footer.accessibility },
  { href: routes.privacy, label: tpub.footer.privacy },
  { href: routes.help, label: tpub.footer.help },
] as const;

export function Footer() {
  return (
    <SiteFooter navLabel={tpub.footer.navLabel} links={FOOTER_LINKS}>
      {tpub.footer.operatedBy}
    </SiteFooter>
  );
}
