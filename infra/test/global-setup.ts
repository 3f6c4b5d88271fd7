import { deploy } from "../../packages/db/scripts/migrate";

/** Brings the integration test database to the latest migration once per run. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@localhost:5432/tessera_test";
  await deploy(url);
}
