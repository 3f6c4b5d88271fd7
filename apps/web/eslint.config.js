import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { tesseraLint } from "@tessera/config/eslint";

export default [
  ...tesseraLint(import.meta.dirname),
  reactHooks.configs.flat["recommended-latest"],
  nextPlugin.configs["core-web-vitals"],
  { files: ["src/**/*.tsx"], languageOptions: { globals: { ...globals.browser } } },
];
