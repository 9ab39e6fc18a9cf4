/**
 * One rule for markup in snippets: it is text. Snippets are always rendered as text nodes (Preact text, never
 * parsed as HTML) and inserted as typed text, so a body that looks like HTML or script (`<img onerror>`, `<script>`,
 * `javascript:` links) is harmless and is accepted on every path — editor, sheet, pack, paste, backup. Previews only
 * mark it (含 HTML 字样，按纯文本处理) so the agent knows it will be sent literally.
 */

// A tag (<b>, </div>, <!--, <?xml) or a javascript: URL. A plain "<" (满 <100 元, <3) is not markup.
const MARKUP_LIKE = /<\s*\/?\s*[a-z!?][^<>]*>|javascript\s*:/i;

export function looksLikeMarkup(text: string): boolean {
  return MARKUP_LIKE.test(text);
}

/** Any text field of a snippet looks like markup. */
export function snippetLooksLikeMarkup(s: { title: string; body: string; category?: string; tags?: readonly string[] }): boolean {
  return looksLikeMarkup(s.title) || looksLikeMarkup(s.body) || looksLikeMarkup(s.category ?? '') || (s.tags ?? []).some(looksLikeMarkup);
}
