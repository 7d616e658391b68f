/* <newsqa-chat> part: the widget's style sheet, inside its Shadow DOM (loaded by widget.js). */
(() => {
  'use strict';
  const parts = (globalThis.__newsqaChat = globalThis.__newsqaChat || {});
  parts.style = `
    :host { display: block; max-width: 44rem; min-width: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: #1b1f24; --accent: #0b57d0; --muted: #59636e; --line: #d0d7de; --bg: #ffffff; --soft: #f3f6fa; }
    * { box-sizing: border-box; }
    .box { border: 1px solid var(--line); border-radius: 12px; background: var(--bg); overflow: hidden; }
    h2 { margin: 0; padding: .75rem 1rem; font-size: 1.05rem; border-bottom: 1px solid var(--line); background: var(--soft); }
    .log { padding: .75rem 1rem; max-height: 34rem; overflow-y: auto; }
    .log:empty { display: none; }
    .turn { margin: 0 0 1rem; }
    .who { font-size: .8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
    .q { margin: .1rem 0 .6rem; font-weight: 600; overflow-wrap: anywhere; }
    .a { margin: .1rem 0 .4rem; white-space: pre-wrap; overflow-wrap: anywhere; }
    .a[aria-busy="true"]::after { content: "▍"; color: var(--accent); }
    .status { color: var(--muted); font-style: italic; }
    .note { color: #7a4b00; font-size: .85rem; margin: .2rem 0 .5rem; }
    .err { color: #b3261e; }
    sup button { font: inherit; font-size: .75em; border: 0; padding: 0 .2em; margin-left: .1em; color: var(--accent); background: none; cursor: pointer; }
    sup button:hover { text-decoration: underline; }
    .sources { margin: .25rem 0 0; font-size: .9rem; }
    .sources h3 { font-size: .85rem; margin: .5rem 0 .25rem; color: var(--muted); }
    ol { margin: 0; padding-left: 1.6rem; }
    li { margin: 0 0 .6rem; }
    li:focus { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 4px; }
    blockquote { margin: .1rem 0; padding: .1rem .6rem; border-left: 3px solid var(--accent); background: var(--soft); overflow-wrap: anywhere; }
    .meta { color: var(--muted); font-size: .85rem; display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; }
    .meta a { color: var(--accent); }
    .also { color: var(--muted); font-size: .85rem; margin: .2rem 0 0; }
    .ctxbtn { font: inherit; font-size: .85rem; border: 1px solid var(--line); border-radius: 6px; padding: .1rem .5rem; background: var(--bg); color: var(--accent); cursor: pointer; }
    .ctx { margin: .35rem 0 0; padding: .5rem .6rem; border: 1px dashed var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .9rem; }
    mark { background: #fff3b0; color: inherit; }
    .hl { font-weight: 700; background: #e8f0fe; border-radius: 3px; padding: 0 .1em; }
    .scope { color: var(--muted); font-size: .85rem; margin: 0 0 .3rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    form { display: flex; gap: .5rem; padding: .75rem 1rem; border-top: 1px solid var(--line); flex-wrap: wrap; }
    label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    input { flex: 1 1 12rem; min-width: 0; font: inherit; padding: .5rem .7rem; border: 1px solid var(--line); border-radius: 8px; }
    button[type="submit"] { font: inherit; font-weight: 600; padding: .5rem 1rem; border: 0; border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }
    button[disabled] { opacity: .6; cursor: progress; }
    input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  `;
})();
