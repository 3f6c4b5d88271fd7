/**
 * Demo personas: the development OpenID Provider offers them for sign-in and the seed gives them
 * their platform roles and organisations. Development and tests only.
 */
export interface Persona {
  /** Stable subject identifier at the development identity provider. */
  sub: string;
  key: PersonaKey;
  name: string;
  email: string;
  description: string;
  platformRoles: ("PLATFORM_ADMIN" | "PROGRAM_ADMIN" | "REVIEWER" | "OPERATOR")[];
}

export type PersonaKey =
  | "researcher"
  | "researcher2"
  | "founder"
  | "programAdmin"
  | "reviewer"
  | "reviewer2"
  | "operator"
  | "platformAdmin";

export const PERSONAS: readonly Persona[] = [
  {
    sub: "persona-researcher",
    key: "researcher",
    name: "Ada Okafor",
    email: "ada.okafor@northbridge.test",
    description: "Researcher, Northbridge University AI Lab",
    platformRoles: [],
  },
  {
    sub: "persona-researcher2",
    key: "researcher2",
    name: "Bruno Keller",
    email: "bruno.keller@alpine-institute.test",
    description: "Researcher, Alpine Institute of Technology",
    platformRoles: [],
  },
  {
    sub: "persona-founder",
    key: "founder",
    name: "Chiara Rossi",
    email: "chiara@lumen-robotics.test",
    description: "Founder, Lumen Robotics (startup)",
    platformRoles: [],
  },
  {
    sub: "persona-program-admin",
    key: "programAdmin",
    name: "Priya Nair",
    email: "priya.nair@compute-programmes.test",
    description: "Programme administrator",
    platformRoles: ["PROGRAM_ADMIN"],
  },
  {
    sub: "persona-reviewer",
    key: "reviewer",
    name: "Rui Costa",
    email: "rui.costa@review-panel.test",
    description: "Reviewer on the allocation panel",
    platformRoles: ["REVIEWER"],
  },
  {
    sub: "persona-reviewer2",
    key: "reviewer2",
    name: "Sofia Lindqvist",
    email: "sofia.lindqvist@review-panel.test",
    description: "Reviewer on the allocation panel",
    platformRoles: ["REVIEWER"],
  },
  {
    sub: "persona-operator",
    key: "operator",
    name: "Omar Haddad",
    email: "omar.haddad@platform-ops.test",
    description: "Platform operator",
    platformRoles: ["OPERATOR"],
  },
  {
    sub: "persona-platform-admin",
    key: "platformAdmin",
    name: "Paula Schmidt",
    email: "paula.schmidt@platform-ops.test",
    description: "Platform administrator",
    platformRoles: ["PLATFORM_ADMIN"],
  },
];

export function persona(key: PersonaKey): Persona {
  const found = PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`Unknown persona ${key}`);
  return found;
}

/** The Auth.js provider id of the national identity provider (the development one in dev/tests). */
export const AUTH_PROVIDER_ID = "national-id";
