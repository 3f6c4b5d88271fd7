// Integration tests run against a dedicated database so they never touch demo data.
// This file runs before the test modules load, so the process-wide clients pick it up.
process.env.DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@localhost:5432/tessera_test";
process.env.NODE_ENV = "test";
process.env.RATE_LIMIT_DISABLED ??= "false";
