/* <newsqa-chat> part: the element itself (loaded by widget.js after strings.js and style.js). */
(() => {
  'use strict';

  const parts = globalThis.__newsqaChat;
  const STRINGS = parts.strings;
  const STYLE = parts.style;
  const SCRIPT_ORIGIN = parts.origin;
  const CONTEXT_CHARS = 280;

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

  /** Text with the piece [offset, offset + length) in its own element (as text, never HTML). */
  function marked(text, offset, length, tag, cls) {
    if (offset < 0 || length <= 0 || offset + length > text.length) return [text];
    return [text.slice(0, offset), el(tag, { class: cls, text: text.slice(offset, offset + length) }), text.slice(offset + length)];
  }

  /** "Gelesen als: veröffentlicht 2025-07 · Quellen: Nachrichtenagenturen": how the question was read, one line. */
  function scopeLine(read, t) {
    const parts = [];
    const from = read.publishedFrom, to = read.publishedTo;
    if (from && to) parts.push(`${t.published} ${from === to ? from : `${from} – ${to}`}`);
    else if (from) parts.push(`${t.published} ${t.from} ${from}`);
    else if (to) parts.push(`${t.published} ${t.until} ${to}`);
    if (read.preferredYear) parts.push(`${t.preferring} ${read.preferredYear}`);
    if (read.sourceKind === 'agency') parts.push(`${t.sourcesRead}: ${t.agencies}`);
    else if (read.sourceKind === 'blog') parts.push(`${t.sourcesRead}: ${t.blogs}`);
    else if (read.sources && read.sources.length) parts.push(`${t.sourcesRead}: ${read.sources.join(', ')}`);
    return parts.length ? `${t.readAs}: ${parts.join(' · ')}` : null;
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

    /** The collection asked and quoted from (the API's `collection`); unset: the service's default one. */
    get collection() { return this.getAttribute('collection') || undefined; }

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
          body: JSON.stringify({ question, filter: this.filter, collection: this.collection, history: history.length ? history : undefined }),
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
      const line = result.interpretation && scopeLine(result.interpretation, t);
      if (line) answer.before(el('p', { class: 'scope', text: line, title: line }));
      const hl = result.highlight;
      const hlCitation = hl && (result.citations || []).find((c) => c.id === hl.citationId);
      const segments = result.answer.segments && result.answer.segments.length ? result.answer.segments : [{ text: result.answer.text, citationIds: [] }];
      segments.forEach((segment, i) => {
        if (i > 0) answer.append(' ');
        // The answer's one name or number, emphasised where the segment is the highlighted quote itself.
        if (hlCitation && segment.text === hlCitation.quote) answer.append(...marked(segment.text, hl.span.start - hlCitation.span.start, hl.span.end - hl.span.start, 'strong', 'hl'));
        else answer.append(segment.text);
        for (const id of segment.citationIds || []) {
          const jump = el('button', { type: 'button', text: `[${id}]`, 'aria-label': `${t.citation} ${id}` });
          jump.addEventListener('click', () => { const item = turn.querySelector(`[data-citation="${id}"]`); if (item) item.focus(); });
          answer.append(el('sup', null, jump));
        }
      });
      if (result.hasUnverifiedStatements) turn.append(el('p', { class: 'note', text: t.unverified }));
      if (!result.citations || !result.citations.length) return;

      const list = el('ol');
      for (const c of result.citations) list.append(this.renderCitation({ ...c, collection: result.collection }, hlCitation === c ? hl : null));
      turn.append(el('section', { class: 'sources', 'aria-label': t.sources }, el('h3', { text: t.sources }), list));
    }

    renderCitation(c, hl) {
      const t = this.t;
      const ctxId = `${this.id_}-ctx-${Math.random().toString(36).slice(2)}`;
      const item = el('li', { tabindex: '-1', 'data-citation': String(c.id), value: String(c.id) });
      const quote = el('blockquote');
      quote.append(...(hl ? marked(c.quote, hl.span.start - c.span.start, hl.span.end - hl.span.start, 'strong', 'hl') : [c.quote]));
      item.append(quote);
      const meta = el('div', { class: 'meta' });
      const url = c.url && safeUrl(c.url);
      meta.append(url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: c.title || url }) : el('span', { text: c.title || c.documentId }));
      if (c.publishedAt) meta.append(el('time', { text: String(c.publishedAt), datetime: String(c.publishedAt) }));
      const toggle = el('button', { type: 'button', class: 'ctxbtn', 'aria-expanded': 'false', 'aria-controls': ctxId, text: t.showContext });
      const ctx = el('div', { class: 'ctx', id: ctxId, hidden: true });
      toggle.addEventListener('click', () => this.toggleContext(c, toggle, ctx));
      meta.append(toggle);
      item.append(meta);
      const also = this.alsoReportedBy(c);
      if (also) item.append(also);
      item.append(ctx);
      return item;
    }

    /* One line naming the story's other outlets (the same agency text, re-published), or null for a story of one. */
    alsoReportedBy(c) {
      const others = ((c.story && c.story.documents) || []).filter((d) => d.documentId !== c.documentId);
      if (!others.length) return null;
      const names = [...new Set(others.map((d) => d.source || d.title || d.documentId))];
      return el('p', { class: 'also', text: `${this.t.alsoReportedBy} ${names.join(', ')}` });
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
        // A citation's document is read from the collection the answer came from (ids are only unique inside one).
        const collection = c.collection || 'default';
        const cacheKey = `${collection}/${c.documentId}`;
        let doc = this.documents.get(cacheKey);
        if (!doc) {
          const r = await fetch(`${this.api}/api/documents/${encodeURIComponent(c.documentId)}?collection=${encodeURIComponent(collection)}`, { headers: { Accept: 'application/json' } });
          if (!r.ok) throw new Error(String(r.status));
          doc = await r.json();
          this.documents.set(cacheKey, doc);
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
