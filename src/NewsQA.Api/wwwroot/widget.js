/*
 * <newsqa-chat> — the NewsQA chat widget. No dependencies; include once and use the element:
 *   <script src="https://newsqa.example/widget.js" defer></script>
 *   <newsqa-chat lang="de" title="Fragen zu den Nachrichten"></newsqa-chat>
 * Attributes: api (base URL; default the origin this script came from), lang (de|en), title,
 * placeholder, filter (JSON, the API's search filter).
 * Document and answer text is only ever set with textContent — never parsed as HTML.
 */
(() => {
  'use strict';

  // The element is split into parts (strings, style, element) so each file stays small; this script loads them
  // from where it came from, in order, as classic scripts (no CORS needed), so embedding stays one script tag.
  const script = document.currentScript;
  const src = script && script.src ? new URL(script.src, location.href) : new URL('/widget.js', location.href);
  const parts = (globalThis.__newsqaChat = globalThis.__newsqaChat || {});
  if (parts.loading) return;
  parts.loading = true;
  parts.origin = src.origin;
  for (const name of ['strings', 'style', 'element']) {
    const part = document.createElement('script');
    part.src = new URL(`widget/${name}.js`, src).href;
    part.async = false;
    document.head.append(part);
  }
})();
