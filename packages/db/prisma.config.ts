import { defineConfig } from "prisma/config";

// Only `prisma generate` runs through the CLI here; migrations go through scripts/migrate.ts.
export default defineConfig({
  schema: "../../prisma/schema",
  migrations: { path: "../../prisma/migrations" },
});
