import reactHooks from "eslint-plugin-react-hooks";
import { tesseraLint } from "@tessera/config/eslint";

export default [...tesseraLint(import.meta.dirname), reactHooks.configs.flat["recommended-latest"]];
