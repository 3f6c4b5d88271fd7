/** The messages for a catalogue entry's code and name, in the words of its form. */
export interface CodeAndNameMessages {
  code: string;
  codeShort: string;
  codeLong: string;
  codeCharacters: string;
  name: string;
  nameShort: string;
  nameLong: string;
}

/**
 * The problems with a catalogue entry's code and name as typed, by the server's rules
 * (catalogueCodeInput, a name of 2 to 120 characters); no code is checked on an edit (`existing`),
 * where it is fixed.
 */
export function codeAndNameProblems(
  entry: { code: string; name: string },
  existing: boolean,
  messages: CodeAndNameMessages,
): [field: "code" | "name", message: string][] {
  const problems: ["code" | "name", string][] = [];
  const code = entry.code.trim().toLowerCase();
  const name = entry.name.trim();
  if (!existing) {
    if (!code) problems.push(["code", messages.code]);
    else if (code.length < 2) problems.push(["code", messages.codeShort]);
    else if (code.length > 64) problems.push(["code", messages.codeLong]);
    else if (!/^[a-z0-9][a-z0-9.-]*$/.test(code)) problems.push(["code", messages.codeCharacters]);
  }
  if (!name) problems.push(["name", messages.name]);
  else if (name.length < 2) problems.push(["name", messages.nameShort]);
  else if (name.length > 120) problems.push(["name", messages.nameLong]);
  return problems;
}
