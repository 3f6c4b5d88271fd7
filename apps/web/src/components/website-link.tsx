import { t } from "@/i18n";

/** The address as a link target only when it is a web address (http or https), never a script. */
export function websiteHref(website: string): string | null {
  try {
    const url = new URL(website);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** An organisation's website: a link that shares nothing with it, or plain text if not a web address. */
export function WebsiteLink({ website }: { website: string | null }) {
  if (!website) return <>{t.common.notSet}</>;
  const href = websiteHref(website);
  if (!href) return <span className="break-all">{website}</span>;
  return (
    <a href={href} className="break-all text-link underline" rel="noopener noreferrer">
      {website}
    </a>
  );
}
