import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert, Button } from "@tessera/ui";
import { serverEnv } from "@tessera/config";
import { signInAction } from "@/app/actions";
import { PublicFrame } from "@/components/public-frame";
import { t } from "@/i18n";
import { safeCallbackPath } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { currentUser } from "@/server/session";

export const metadata: Metadata = { title: t.signIn.title };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(param(query.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const error = param(query.error);
  const env = serverEnv();
  const development = new URL(env.OIDC_ISSUER).hostname === "localhost";

  return (
    <PublicFrame>
      <div className="mx-auto max-w-lg space-y-6 rounded-lg border border-line bg-surface p-6 sm:p-8">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold">{t.signIn.title}</h1>
          <p className="text-fg-muted">{t.signIn.lead}</p>
        </div>
        {error ? (
          <Alert
            tone="danger"
            role="alert"
            title={t.signIn.errors[error] ?? t.signIn.errors.default}
          />
        ) : null}
        <form action={signInAction}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" className="w-full">
            {t.signIn.button(env.OIDC_PROVIDER_NAME)}
          </Button>
        </form>
        {development ? <p className="text-sm text-fg-muted">{t.signIn.devNote}</p> : null}
      </div>
    </PublicFrame>
  );
}
