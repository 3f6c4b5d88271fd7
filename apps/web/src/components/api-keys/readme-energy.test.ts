import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { enApiKeys } from "../../i18n/en-api-keys";

const readme = readFileSync(
  path.resolve(import.meta.dirname, "../../../../../README.md"),
  "utf8",
).replace(/\s+/g, " ");

describe("README on the shared model's energy", () => {
  it("quotes what the usage page says before the worker has metered the endpoints: an estimate, not 'Not metered yet'", () => {
    expect(readme).toContain(`"${enApiKeys.usage.sharedAverageUnsettled}"`);
    expect(readme).not.toContain('("Not metered yet" until the worker has metered the endpoints)');
  });
});

describe("README on how the shared model's figure moves", () => {
  it("says an open window counts up to its last call, as the pages do, not up to now", () => {
    expect(readme).toContain("only up to its last call");
    expect(readme).not.toContain("up to now from their power draw");
  });
});
