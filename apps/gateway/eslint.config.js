import { tesseraLint } from "@tessera/config/eslint";

export default tesseraLint(import.meta.dirname);
