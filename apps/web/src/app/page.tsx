import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClassName } from "@tessera/ui";
import { PublicFrame } from "@/components/public-frame";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { currentUser } from "@/server/session";

export default async function LandingPage() {
  if (await currentUser()) redirect(routes.dashboard);
  return (
    <PublicFrame>
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t.landing.title}</h1>
        <p className="text-lg text-fg-muted">{t.landing.lead}</p>
        <div className="flex flex-wrap items-center gap-4">
          <Link href={routes.signIn} className={buttonClassName("primary")}>
            {t.landing.signIn}
          </Link>
          <p className="text-sm text-fg-muted">{t.landing.signInHint}</p>
        </div>
      </div>
      <ul className="mt-12 grid gap-4 sm:grid-cols-3">
        {t.landing.points.map((point) => (
          <li key={point.title} className="rounded-lg border border-line bg-surface p-5">
            <h2 className="font-semibold">{point.title}</h2>
            <p className="mt-1 text-fg-muted">{point.body}</p>
          </li>
        ))}
      </ul>
    </PublicFrame>
  );
}
