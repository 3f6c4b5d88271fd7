import type { Metadata } from "next";
import { HomeView } from "@/components/home/home-view";
import { t } from "@/i18n";
import { load } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: t.dashboard.title };

/** The home page of whoever signs in; the client part keeps its figures live. */
export default async function DashboardPage() {
  await requireUser();
  const home = await load((api) => api.home.get());
  return <HomeView initial={home} />;
}
