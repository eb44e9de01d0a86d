// sshdiag serve: the page's only script (CSP: script-src 'self').
// Every piece of text from the log or the diagnosis reaches the page through
// textContent, never through the HTML parser (and the CSP's Trusted Types
// setting makes any assignment of a string as HTML throw): a server banner
// of <script> is shown as text. tests/web_handler_test.cc checks that no
// HTML sink appears in this file.
// Its words come from the message catalogue (GET /api/v1/messages), the
// one every output of sshdiag reads: this file holds none of its own.
'use strict';

(function () {
  // The phases of a connection, in order: the names of the JSON's
  // sessions[].phase_reached and sessions[].phases[].name, and of the
  // catalogue's entries phase.NAME.
  const PHASES = ['resolve', 'connect', 'banner', 'kex', 'hostkey', 'auth', 'session'];
  // Past this many lines the log view shows only the lines around the
  // evidence, the failure and the start, so that a huge paste stays fast.
  const FULL_LOG_LINES = 5000;
  const CONTEXT_LINES = 12;

  const $ = (id) => document.getElementById(id);

  // The catalogue in the page's language: key -> text, and the largest body
  // the server takes.
  let messages = {};
  let maxBodyBytes = Infinity;
  let loaded = null;

  // The message KEY with {1}, {2}, ... replaced by the arguments; the key
  // itself when the catalogue lacks it (a test looks for that).
  function t(key, ...args) {
    const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
    return text.replace(/\{([1-9])\}/g, (m, n) => (Number(n) <= args.length ? String(args[Number(n) - 1]) : m));
  }

  // The catalogue's labels that start a sentence in English ("attempt ").
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  async function loadMessages(lang) {
    const response = await fetch('/api/v1/messages?lang=' + encodeURIComponent(lang));
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const answer = await response.json();
    messages = answer.messages;
    maxBodyBytes = answer.max_body_bytes;
    document.documentElement.lang = answer.lang;
    $('lang').value = answer.lang;
    // The page's own labels, as the server put them in for the first language.
    document.querySelectorAll('[data-msg]').forEach((e) => { e.textContent = t(e.dataset.msg); });
    document.querySelectorAll('[data-msg-aria]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.msgAria)));
  }

  // An element with a class and text (textContent: never parsed as HTML).
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  async function copyText(text, button) {
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch (e) { ok = false; }
    if (!ok) {
      // Not a secure context (a non-loopback address): the old way.
      const area = el('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      area.remove();
    }
    // The label in the language shown now (data-msg: the page's own buttons).
    const label = button.dataset.msg ? t(button.dataset.msg) : (button.dataset.label || button.textContent);
    button.dataset.label = label;
    button.textContent = ok ? t('page.copied') : t('page.copy_failed');
    button.classList.toggle('done', ok);
    setTimeout(() => { button.textContent = label; button.classList.remove('done'); }, 2000);
  }

  function copyButton(text, label) {
    const b = el('button', 'copy', label || t('page.copy'));
    b.type = 'button';
    b.addEventListener('click', () => copyText(text, b));
    return b;
  }

  async function post(path, request) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    if (response.status === 413) throw new Error(t('page.too_large', maxBodyBytes));
    if (!response.ok) {
      let message = text;
      try { message = JSON.parse(text).error || text; } catch (e) { /* plain text */ }
      throw new Error(t('page.could_not') + message + ' (HTTP ' + response.status + ')');
    }
    return text;
  }

  // The phase strip of one session: from sessions[].phases when the JSON
  // has it (name, reached, line, seconds, and state: passed, stopped, ended,
  // not-reached, unknown), else from phase_reached and the outcome.
  function renderPhases(session, count) {
    const box = el('div', 'phases');
    box.dataset.session = session.index;
    const failed = session.outcome === 'failed' || session.outcome === 'incomplete';
    if (count > 1) {
      box.appendChild(el('div', 'attempt', capital(t('attempt')) + (session.index + 1) + t('lines') +
        session.first_line + '–' + session.last_line + '): ' + t('outcome.' + session.outcome)));
    }
    const list = el('ol');
    list.setAttribute('aria-label', t('page.phases_aria'));
    let steps;
    if (Array.isArray(session.phases)) {
      steps = session.phases.map((p) => ({
        name: p.name, reached: !!p.reached, state: p.state || null, line: p.line, seconds: p.seconds,
      }));
    } else {
      const reachedIndex = session.phase_reached === 'closed'
        ? PHASES.length - 1 : PHASES.indexOf(session.phase_reached);
      steps = PHASES.map((p, i) => ({ name: p, reached: i <= reachedIndex, state: null, line: null, seconds: null }));
    }
    let last = -1;
    steps.forEach((s, i) => { if (s.reached) last = i; });
    const stated = steps.some((s) => s.state);
    steps.forEach((s, i) => {
      const item = el('li', s.reached ? 'reached' : '', t('phase.' + s.name));
      item.dataset.phase = s.name;
      if (stated ? s.state === 'stopped' : failed && i === last) {
        item.classList.add('stopped');
        item.title = t('page.stopped_here');
        item.appendChild(el('span', 'when', t('page.stopped_here')));
      } else if (s.state === 'ended') {
        item.classList.add('ended');
        item.title = t('page.log_ends_here');
        item.appendChild(el('span', 'when', t('page.log_ends_here')));
      } else if (s.state === 'unknown') {
        item.classList.add('unknown');
        item.title = t('page.not_told');
      }
      const when = [];
      if (s.line !== null && s.line !== undefined) when.push(t('line') + s.line);
      if (typeof s.seconds === 'number') when.push('+' + s.seconds.toFixed(s.seconds < 10 ? 1 : 0) + ' s');
      if (when.length) item.appendChild(el('span', 'when', when.join(', ')));
      list.appendChild(item);
    });
    if (failed && last < 0) {
      box.appendChild(el('div', 'attempt', t('page.stopped_before_resolve')));
    }
    box.appendChild(list);
    return box;
  }

  function block(label, text) {
    const b = el('div', 'block');
    b.appendChild(el('span', 'block-label', label));
    b.appendChild(copyButton(text));
    b.appendChild(el('pre', null, text));
    return b;
  }

  function renderRemedy(r) {
    const box = el('div', 'remedy');
    box.dataset.remedy = r.id;
    const h = el('h4', null, r.title + ' ');
    h.appendChild(el('span', 'where', '(' + t('where.' + r.where) + ')'));
    box.appendChild(h);
    if (r.weakens_security) box.appendChild(el('p', 'weakens', t('page.weakens')));
    if (r.config) box.appendChild(block(t('config.client'), r.config));
    if (r.option) box.appendChild(block(t('config.once'), r.option));
    if (r.server_config) box.appendChild(block(t('config.server'), r.server_config));
    if (r.commands && r.commands.length) box.appendChild(block(t('config.shell'), r.commands.join('\n')));
    if (r.note) box.appendChild(el('p', 'note', t('note') + ' ' + r.note));
    if (r.risk) box.appendChild(el('p', 'risk', t('risk') + ' ' + r.risk));
    return box;
  }

  function renderDiagnosis(d, index) {
    const item = el('li', d.alternative_to === null || d.alternative_to === undefined ? 'answer' : 'alternative');
    item.dataset.kb = d.kb;
    item.dataset.signature = d.signature;
    item.appendChild(el('h3', 'title', d.title));
    const meta = el('p', 'meta');
    meta.appendChild(el('span', 'level ' + d.level, t('level.' + d.level)));
    meta.appendChild(document.createTextNode(' ' + t('confidence') + ' ' + d.confidence.toFixed(2) + ', ' +
      t('root_cause') + ' '));
    meta.appendChild(el('span', 'kb', '[' + d.kb + ']'));
    meta.appendChild(document.createTextNode(', ' + t('signature') + ' ' + d.signature));
    if (typeof d.alternative_to === 'number') {
      meta.appendChild(document.createTextNode(', ' + t('page.alternative_to', d.alternative_to + 1)));
    }
    item.appendChild(meta);
    item.appendChild(el('p', 'explanation', d.explanation));
    if (d.evidence.length) {
      const list = el('ul', 'evidence-list');
      d.evidence.forEach((e) => {
        const li = el('li');
        const a = el('a', null, t('line') + e.line);
        a.href = '#L' + e.line;
        a.addEventListener('click', (ev) => { ev.preventDefault(); showLine(e.line); });
        li.appendChild(a);
        li.appendChild(el('span', 'evidence-text', e.text));
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    if (d.summary) item.appendChild(el('p', 'summary', d.summary));
    d.remedies.forEach((r) => item.appendChild(renderRemedy(r)));
    if (d.tell_apart) item.appendChild(el('p', 'tell-apart', t('unsure') + ' ' + d.tell_apart));
    item.id = 'diagnosis-' + (index + 1);
    return item;
  }

  function showLine(n) {
    const line = $('L' + n);
    if (!line) return;
    document.querySelectorAll('.line.target').forEach((l) => l.classList.remove('target'));
    line.classList.add('target');
    line.scrollIntoView({ block: 'center' });
  }

  // The paste with line numbers as sshdiag counts them (one per '\n').
  function renderLog(log, evidence, failure) {
    const view = $('logview');
    view.replaceChildren();
    const lines = log.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    let shown = null;
    if (lines.length > FULL_LOG_LINES) {
      shown = new Set();
      const around = (n) => {
        for (let i = Math.max(1, n - CONTEXT_LINES); i <= Math.min(lines.length, n + CONTEXT_LINES); i++) shown.add(i);
      };
      for (let i = 1; i <= 30; i++) shown.add(i);
      evidence.forEach(around);
      failure.forEach(around);
    }
    let skipped = 0;
    const fragment = document.createDocumentFragment();
    lines.forEach((text, i) => {
      const n = i + 1;
      if (shown && !shown.has(n)) { skipped++; return; }
      if (skipped) { fragment.appendChild(el('div', 'gap', t('page.lines_not_shown', skipped))); skipped = 0; }
      const line = el('div', 'line');
      line.id = 'L' + n;
      line.setAttribute('role', 'listitem');
      line.dataset.line = n;
      if (evidence.has(n)) line.classList.add('evidence');
      if (failure.has(n)) line.classList.add('failure');
      line.appendChild(el('span', 'ln', n));
      line.appendChild(el('span', 'text', text.endsWith('\r') ? text.slice(0, -1) : text));
      fragment.appendChild(line);
    });
    if (skipped) fragment.appendChild(el('div', 'gap', t('page.lines_not_shown', skipped)));
    view.appendChild(fragment);
  }

  function render(report, markdown, log) {
    const verdict = $('verdict');
    verdict.textContent = t('page.verdict.' + report.status);
    verdict.className = report.status;
    const warnings = $('warnings');
    warnings.replaceChildren();
    report.inputs.forEach((i) => { if (i.error) warnings.appendChild(el('li', 'input-error', i.error)); });
    report.warnings.forEach((w) => warnings.appendChild(el('li', null, w)));

    const phases = $('phases');
    phases.replaceChildren();
    report.sessions.forEach((s) => phases.appendChild(renderPhases(s, report.sessions.length)));

    const list = $('diagnoses');
    list.replaceChildren();
    const evidence = new Set();
    report.diagnoses.forEach((d, i) => {
      list.appendChild(renderDiagnosis(d, i));
      d.evidence.forEach((e) => evidence.add(e.line));
    });
    const failure = new Set();
    report.sessions.forEach((s) => (s.last_failure_lines || []).forEach((l) => failure.add(l.line)));

    $('markdown').textContent = markdown;
    renderLog(log, evidence, failure);
    $('result').hidden = false;
  }

  async function diagnose() {
    const log = $('log').value;
    const error = $('error');
    error.hidden = true;
    // Busy from the first moment (a test, and a user, wait for the answer to this request).
    document.body.dataset.state = 'busy';
    try { await loaded; } catch (e) { /* shown by the load itself */ }
    if (!log.trim()) {
      error.textContent = t('page.paste_first');
      error.hidden = false;
      document.body.dataset.state = 'failed';
      return;
    }
    const request = { log: log, redact: $('redact').checked, lang: $('lang').value };
    if (new Blob([JSON.stringify(request)]).size > maxBodyBytes) {
      // Not sent: the server would refuse it (413) after the upload.
      error.textContent = t('page.too_large', maxBodyBytes);
      error.hidden = false;
      document.body.dataset.state = 'failed';
      return;
    }
    $('busy').textContent = t('page.busy');
    $('diagnose').disabled = true;
    try {
      const [json, markdown] = await Promise.all([post('/api/v1/diagnose', request), post('/api/v1/markdown', request)]);
      render(JSON.parse(json), markdown, log);
      $('busy').textContent = '';
      document.body.dataset.state = 'done';
    } catch (e) {
      $('busy').textContent = '';
      // fetch() itself fails (a TypeError) when nothing answers.
      error.textContent = e instanceof TypeError ? t('page.no_server') : e.message;
      error.hidden = false;
      document.body.dataset.state = 'failed';
    } finally {
      $('diagnose').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('diagnose').addEventListener('click', diagnose);
    $('log').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) diagnose();
    });
    $('copy-markdown').addEventListener('click', () => copyText($('markdown').textContent, $('copy-markdown')));
    // The server wrote the page in its language; the switch shows it at once.
    $('lang').value = document.documentElement.lang;
    loaded = loadMessages(document.documentElement.lang).catch(() => {
      $('error').textContent = t('page.no_server');
      $('error').hidden = false;
    });
    // Changing the language or the redaction re-asks when a result is shown;
    // the address keeps the language (?lang=) for a reload or a bookmark.
    $('redact').addEventListener('change', () => { if (!$('result').hidden) diagnose(); });
    $('lang').addEventListener('change', () => {
      const lang = $('lang').value;
      const shown = !$('result').hidden;
      if (shown) document.body.dataset.state = 'busy';
      history.replaceState(null, '', '?lang=' + encodeURIComponent(lang));
      loaded = loadMessages(lang);
      loaded.then(() => { if (shown) diagnose(); }, () => {
        $('error').textContent = t('page.no_server');
        $('error').hidden = false;
        document.body.dataset.state = 'failed';
      });
    });
  });
})();
