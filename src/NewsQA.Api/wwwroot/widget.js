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

  const script = document.currentScript;
  const SCRIPT_ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const CONTEXT_CHARS = 280;

  const STRINGS = {
    de: {
      title: 'Fragen zu den Nachrichten',
      placeholder: 'Ihre Frage, z. B. „Worüber haben Israel und die Ukraine beraten?“',
      label: 'Frage',
      send: 'Fragen',
      you: 'Sie',
      assistant: 'Antwort',
      thinking: 'Suche in den Artikeln …',
      sources: 'Quellen',
      showContext: 'Zusammenhang zeigen',
      hideContext: 'Zusammenhang ausblenden',
      loading: 'Lädt …',
      open: 'Artikel öffnen',
      citation: 'Quelle',
      unverified: 'Einige Aussagen ließen sich nicht in den Artikeln belegen und stehen ohne Quelle.',
      error: 'Es ist ein Fehler aufgetreten.',
      network: 'Der Dienst ist nicht erreichbar.',
      contextError: 'Der Artikel konnte nicht geladen werden.',
      empty: 'Bitte eine Frage eingeben.',
      log: 'Unterhaltung',
    },
    en: {
      title: 'Ask the news',
      placeholder: 'Your question, e.g. “What did Israel and Ukraine discuss?”',
      label: 'Question',
      send: 'Ask',
      you: 'You',
      assistant: 'Answer',
      thinking: 'Searching the articles …',
      sources: 'Sources',
      showContext: 'Show context',
      hideContext: 'Hide context',
      loading: 'Loading …',
      open: 'Open article',
      citation: 'Source',
      unverified: 'Some statements could not be verified against the articles and are shown without a source.',
      error: 'Something went wrong.',
      network: 'The service cannot be reached.',
      contextError: 'The article could not be loaded.',
      empty: 'Please enter a question.',
      log: 'Conversation',
    },
  };

  const STYLE = `
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
    .ctxbtn { font: inherit; font-size: .85rem; border: 1px solid var(--line); border-radius: 6px; padding: .1rem .5rem; background: var(--bg); color: var(--accent); cursor: pointer; }
    .ctx { margin: .35rem 0 0; padding: .5rem .6rem; border: 1px dashed var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .9rem; }
    mark { background: #fff3b0; color: inherit; }
    form { display: flex; gap: .5rem; padding: .75rem 1rem; border-top: 1px solid var(--line); flex-wrap: wrap; }
    label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    input { flex: 1 1 12rem; min-width: 0; font: inherit; padding: .5rem .7rem; border: 1px solid var(--line); border-radius: 8px; }
    button[type="submit"] { font: inherit; font-weight: 600; padding: .5rem 1rem; border: 0; border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }
    button[disabled] { opacity: .6; cursor: progress; }
    input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  `;

  let instances = 0;

  /** Reads server-sent events from a fetch response body; calls onEvent(name, data) per event. */
  async function readEvents(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'text') node.textContent = v;
      else if (k in node && typeof v !== 'string') node[k] = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch { return null; }
  }

  class NewsqaChat extends HTMLElement {
    static get observedAttributes() { return ['title', 'placeholder', 'lang']; }

    constructor() {
      super();
      this.id_ = `newsqa-${++instances}`;
      this.history = [];
      this.documents = new Map();
      this.controller = null;
      this.attachShadow({ mode: 'open' });
    }

    get t() { return STRINGS[(this.getAttribute('lang') || 'de').slice(0, 2)] || STRINGS.de; }
    get api() { return (this.getAttribute('api') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }

    get filter() {
      const raw = this.getAttribute('filter');
      if (!raw) return undefined;
      try { return JSON.parse(raw); } catch { console.warn('newsqa-chat: filter is not valid JSON and is ignored'); return undefined; }
    }

    connectedCallback() {
      if (this.shadowRoot.childNodes.length) return;
      const t = this.t;
      const inputId = `${this.id_}-q`;
      this.heading = el('h2', { id: `${this.id_}-h` });
      this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'aria-label': t.log });
      this.input = el('input', { id: inputId, type: 'text', name: 'question', autocomplete: 'off', enterkeyhint: 'send', required: '' });
      this.label = el('label', { for: inputId });
      this.button = el('button', { type: 'submit' });
      this.form = el('form', { role: 'search' }, this.label, this.input, this.button);
      this.form.addEventListener('submit', (e) => { e.preventDefault(); this.ask(this.input.value); });
      const box = el('section', { class: 'box', 'aria-labelledby': `${this.id_}-h` }, this.heading, this.log, this.form);
      this.shadowRoot.append(el('style', { text: STYLE }), box);
      this.applyText();
    }

    attributeChangedCallback() { if (this.heading) this.applyText(); }

    applyText() {
      const t = this.t;
      this.heading.textContent = this.getAttribute('title') || t.title;
      this.input.placeholder = this.getAttribute('placeholder') || t.placeholder;
      this.label.textContent = t.label;
      this.button.textContent = t.send;
    }

    disconnectedCallback() { if (this.controller) this.controller.abort(); }

    async ask(raw) {
      const question = (raw || '').trim();
      const t = this.t;
      if (!question) { this.input.setCustomValidity(t.empty); this.input.reportValidity(); this.input.setCustomValidity(''); return; }
      if (this.controller) this.controller.abort();
      const controller = (this.controller = new AbortController());

      const answer = el('div', { class: 'a', 'aria-busy': 'true' });
      const status = el('div', { class: 'status', text: t.thinking });
      const turn = el('article', { class: 'turn' },
        el('div', { class: 'who', text: t.you }), el('p', { class: 'q', text: question }),
        el('div', { class: 'who', text: t.assistant }), status, answer);
      this.log.append(turn);
      this.input.value = '';
      this.button.disabled = true;
      turn.scrollIntoView({ block: 'nearest' });

      const history = this.history.slice(-6);
      let text = '';
      try {
        const response = await fetch(`${this.api}/api/ask`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
          body: JSON.stringify({ question, filter: this.filter, history: history.length ? history : undefined }),
          signal: controller.signal,
        });
        const type = response.headers.get('content-type') || '';
        if (!response.ok || !type.includes('text/event-stream')) {
          const problem = type.includes('json') ? await response.json() : {};
          throw Object.assign(new Error('problem'), { problem });
        }

        await readEvents(response.body, (name, data) => {
          if (name === 'meta') { status.remove(); }
          else if (name === 'delta') {
            text = data.replace ? data.text : text + data.text;
            answer.textContent = text;
          } else if (name === 'done') {
            this.renderAnswer(turn, answer, data);
            this.history.push({ role: 'user', content: question }, { role: 'assistant', content: data.answer.text });
          } else if (name === 'error') {
            throw Object.assign(new Error('problem'), { problem: data });
          }
        });
      } catch (e) {
        if (e.name === 'AbortError') return;
        status.remove();
        const p = e.problem;
        answer.textContent = '';
        answer.append(el('span', { class: 'err', text: p ? (p.detail || p.title || t.error) : t.network }));
      } finally {
        answer.setAttribute('aria-busy', 'false');
        if (this.controller === controller) { this.controller = null; this.button.disabled = false; }
      }
    }

    renderAnswer(turn, answer, result) {
      const t = this.t;
      answer.textContent = '';
      const segments = result.answer.segments && result.answer.segments.length ? result.answer.segments : [{ text: result.answer.text, citationIds: [] }];
      segments.forEach((segment, i) => {
        if (i > 0) answer.append(' ');
        answer.append(segment.text);
        for (const id of segment.citationIds || []) {
          const jump = el('button', { type: 'button', text: `[${id}]`, 'aria-label': `${t.citation} ${id}` });
          jump.addEventListener('click', () => { const item = turn.querySelector(`[data-citation="${id}"]`); if (item) item.focus(); });
          answer.append(el('sup', null, jump));
        }
      });
      if (result.hasUnverifiedStatements) turn.append(el('p', { class: 'note', text: t.unverified }));
      if (!result.citations || !result.citations.length) return;

      const list = el('ol');
      for (const c of result.citations) list.append(this.renderCitation(c));
      turn.append(el('section', { class: 'sources', 'aria-label': t.sources }, el('h3', { text: t.sources }), list));
    }

    renderCitation(c) {
      const t = this.t;
      const ctxId = `${this.id_}-ctx-${Math.random().toString(36).slice(2)}`;
      const item = el('li', { tabindex: '-1', 'data-citation': String(c.id), value: String(c.id) });
      item.append(el('blockquote', { text: c.quote }));
      const meta = el('div', { class: 'meta' });
      const url = c.url && safeUrl(c.url);
      meta.append(url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: c.title || url }) : el('span', { text: c.title || c.documentId }));
      if (c.publishedAt) meta.append(el('time', { text: String(c.publishedAt), datetime: String(c.publishedAt) }));
      const toggle = el('button', { type: 'button', class: 'ctxbtn', 'aria-expanded': 'false', 'aria-controls': ctxId, text: t.showContext });
      const ctx = el('div', { class: 'ctx', id: ctxId, hidden: true });
      toggle.addEventListener('click', () => this.toggleContext(c, toggle, ctx));
      meta.append(toggle);
      item.append(meta, ctx);
      return item;
    }

    async toggleContext(c, toggle, ctx) {
      const t = this.t;
      const open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      toggle.textContent = open ? t.showContext : t.hideContext;
      ctx.hidden = open;
      if (open || ctx.dataset.loaded) return;
      ctx.textContent = t.loading;
      try {
        let doc = this.documents.get(c.documentId);
        if (!doc) {
          const r = await fetch(`${this.api}/api/documents/${encodeURIComponent(c.documentId)}`, { headers: { Accept: 'application/json' } });
          if (!r.ok) throw new Error(String(r.status));
          doc = await r.json();
          this.documents.set(c.documentId, doc);
        }
        const text = doc.text;
        const { start, end } = c.span;
        const from = Math.max(0, start - CONTEXT_CHARS);
        const to = Math.min(text.length, end + CONTEXT_CHARS);
        ctx.textContent = '';
        ctx.append((from > 0 ? '… ' : '') + text.slice(from, start), el('mark', { text: text.slice(start, end) }), text.slice(end, to) + (to < text.length ? ' …' : ''));
        ctx.dataset.loaded = '1';
      } catch {
        ctx.textContent = t.contextError;
      }
    }
  }

  if (!customElements.get('newsqa-chat')) customElements.define('newsqa-chat', NewsqaChat);
})();
