/**
 * The one inline style attribute a page may carry: React's streaming renderer wraps a late
 * segment that belongs inside an SVG (our charts and usage bars) in
 * `<svg aria-hidden="true" style="display:none">` until it moves it into place. It is allowed by
 * its hash alone (`style-src-attr 'unsafe-hashes'`); every other inline style attribute stays
 * blocked. csp.test.ts checks the hash against the text.
 */
export const STREAMED_SVG_SEGMENT_STYLE = "display:none";
export const STREAMED_SVG_SEGMENT_STYLE_HASH =
  "sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE=";
