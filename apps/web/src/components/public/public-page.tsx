import { serverEnv } from "@tessera/config";
import { PublicFrame } from "@/components/public-frame";
import { type PublicSection, tpub } from "@/i18n";

/**
 * A public page of plain sections (accessibility statement, privacy notice, help), readable
 * without signing in, ending with the address people write to.
 */
export function PublicPage({
  title,
  lead,
  sections,
}: {
  title: string;
  lead: string;
  sections: readonly PublicSection[];
}) {
  const email = serverEnv().CONTACT_EMAIL;
  return (
    <PublicFrame>
      <article className="max-w-3xl space-y-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
          <p className="text-lg text-fg-muted">{lead}</p>
        </header>
        {sections.map((section) => (
          <section key={section.heading} className="space-y-3">
            <h2 className="text-xl font-semibold">{section.heading}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.list ? (
              <ul className="list-disc space-y-1 pl-6">
                {section.list.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        <p className="rounded-lg border border-line bg-surface p-4">
          {tpub.writeTo}:{" "}
          <a href={`mailto:${email}`} className="font-semibold text-link underline">
            {email}
          </a>
        </p>
        <p className="text-sm text-fg-muted">{tpub.lastReviewed}</p>
      </article>
    </PublicFrame>
  );
}
