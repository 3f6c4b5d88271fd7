import { tesseraLint } from "./lint.js";

export default tesseraLint(import.meta.dirname);
