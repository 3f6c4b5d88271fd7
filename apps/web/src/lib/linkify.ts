/**
 * Web addresses in plain text, as a mail client finds them. The last character may not be
 * punctuation that ends a sentence or closes a bracket: "see https://x/a." links "https://x/a".
 */
const LINK = /(https?:\/\/[^\s<>"]*[^\s<>"'.,;:!?)\]}])/g;

export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

/** The text cut into plain runs and addresses, in order; joined back they are the text. */
export function splitLinks(text: string): TextPart[] {
  return text
    .split(LINK)
    .map((part, index) => (index % 2 === 1 ? { text: part, href: part } : { text: part }))
    .filter((part) => part.text !== "");
}
