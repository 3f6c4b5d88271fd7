/**
 * The demo open-model catalogue's entries, as data (seed-models.ts registers them; the e2e
 * configuration starts the simulated model server serving their names).
 */
import type { ModelOpenness } from "@tessera/db";

export const DEMO_MODELS: readonly {
  name: string;
  family: string;
  parameters: bigint;
  licenseSpdx: string;
  weightsOpen: boolean;
  dataOpen: boolean;
  codeOpen: boolean;
  openness: ModelOpenness;
  restrictions: string | null;
}[] = [
  {
    name: "tessera-demo/open-science-chat-1b",
    family: "open-science-chat",
    parameters: 1_176_764_416n,
    licenseSpdx: "Apache-2.0",
    weightsOpen: true,
    dataOpen: true,
    codeOpen: true,
    openness: "OPEN_SCIENCE",
    restrictions: null,
  },
  {
    name: "tessera-demo/tiny-chat-0.5b-instruct",
    family: "tiny-chat",
    parameters: 494_032_768n,
    licenseSpdx: "Apache-2.0",
    weightsOpen: true,
    dataOpen: false,
    codeOpen: false,
    openness: "OPEN_MODEL",
    restrictions: null,
  },
  {
    name: "tessera-demo/code-assist-360m",
    family: "code-assist",
    parameters: 361_821_120n,
    licenseSpdx: "MIT",
    weightsOpen: true,
    dataOpen: false,
    codeOpen: true,
    openness: "OPEN_TOOLING",
    restrictions: null,
  },
  {
    name: "tessera-demo/embed-small-22m",
    family: "embed-small",
    parameters: 22_713_216n,
    licenseSpdx: "Apache-2.0",
    weightsOpen: true,
    dataOpen: true,
    codeOpen: true,
    openness: "OPEN_SCIENCE",
    restrictions: null,
  },
  {
    name: "tessera-demo/community-chat-1b",
    family: "community-chat",
    parameters: 1_235_814_400n,
    licenseSpdx: "LicenseRef-Community-Model-Licence-1.0",
    weightsOpen: false,
    dataOpen: false,
    codeOpen: false,
    openness: "WEIGHTS_AVAILABLE",
    restrictions:
      "The licence forbids serving to users outside the EU and use above 700 million monthly users.",
  },
  {
    name: "tessera-shared/chat-8b",
    family: "shared-chat",
    parameters: 8_030_261_248n,
    licenseSpdx: "Apache-2.0",
    weightsOpen: true,
    dataOpen: false,
    codeOpen: false,
    openness: "OPEN_MODEL",
    restrictions: null,
  },
  {
    name: "tessera-shared/chat-cpu-1b",
    family: "shared-chat",
    parameters: 1_235_814_400n,
    licenseSpdx: "Apache-2.0",
    weightsOpen: true,
    dataOpen: false,
    codeOpen: false,
    openness: "OPEN_MODEL",
    restrictions: null,
  },
];

/**
 * The platform's shared chat models (seed-shared-models.ts): served by the platform's shared
 * endpoints to every organisation holding tokens of their tier.
 */
export const SHARED_MODELS = {
  chat8b: "tessera-shared/chat-8b",
  chatCpu1b: "tessera-shared/chat-cpu-1b",
} as const;

/** The names clients call, in catalogue order. */
export const DEMO_MODEL_NAMES: readonly string[] = DEMO_MODELS.map((model) => model.name);
