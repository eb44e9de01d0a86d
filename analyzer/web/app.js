// sshdiag serve: the page's only script (CSP: script-src 'self').
// Every piece of text from the log or the diagnosis reaches the page through
// textContent, never through the HTML parser (and the CSP's Trusted Types
// setting makes any assignment of a string as HTML throw): a server banner
// of <script> is shown as text. tests/web_handler_test.cc checks that no
// HTML sink appears in this file.
'use strict';

(function () {
  // The phases of a connection, in order, with the names of the JSON's
  // sessions[].phase_reached and sessions[].phases[].name.
  const PHASES = [
    ['resolve', 'resolve'], ['connect', 'connect'], ['banner', 'banner'], ['kex', 'key exchange'],
    ['hostkey', 'host key'], ['auth', 'authentication'], ['session', 'session'],
  ];
  const VERDICTS = {
    diagnosed: 'Diagnosed: the connection failed, and this is why',
    unrecognised: 'A failure, but nothing sshdiag knows explains it',
    ok: 'Nothing wrong found',
    error: 'The input could not be analysed',
  };
  const WHERE = { client: 'on the client', server: 'on the server', network: 'in the network' };
  // Past this many lines the log view shows only the lines around the
  // evidence, the failure and the start, so that a huge paste stays fast.
  const FULL_LOG_LINES = 5000;
  const CONTEXT_LINES = 12;

  const $ = (id) => document.getElementById(id);

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
    const label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = ok ? 'Copied' : 'Copy failed: select the text';
    button.classList.toggle('done', ok);
    setTimeout(() => { button.textContent = label; button.classList.remove('done'); }, 2000);
  }

  function copyButton(text, label) {
    const b = el('button', 'copy', label || 'Copy');
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
    if (!response.ok) {
      let message = text;
      try { message = JSON.parse(text).error || text; } catch (e) { /* plain text */ }
      throw new Error(message + ' (HTTP ' + response.status + ')');
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
      box.appendChild(el('div', 'attempt', 'Attempt ' + (session.index + 1) + ' (lines ' + session.first_line +
        '–' + session.last_line + '): ' + session.outcome));
    }
    const list = el('ol');
    list.setAttribute('aria-label', 'How far the connection got');
    let steps;
    if (Array.isArray(session.phases)) {
      steps = session.phases.map((p) => ({
        name: p.name, reached: !!p.reached, state: p.state || null, line: p.line, seconds: p.seconds,
      }));
    } else {
      const reachedIndex = session.phase_reached === 'closed'
        ? PHASES.length - 1 : PHASES.findIndex((p) => p[0] === session.phase_reached);
      steps = PHASES.map((p, i) => ({ name: p[0], reached: i <= reachedIndex, state: null, line: null, seconds: null }));
    }
    let last = -1;
    steps.forEach((s, i) => { if (s.reached) last = i; });
    const stated = steps.some((s) => s.state);
    steps.forEach((s, i) => {
      const known = PHASES.find((p) => p[0] === s.name);
      const item = el('li', s.reached ? 'reached' : '', known ? known[1] : s.name);
      item.dataset.phase = s.name;
      if (stated ? s.state === 'stopped' : failed && i === last) {
        item.classList.add('stopped');
        item.title = 'stopped here';
        item.appendChild(el('span', 'when', 'stopped here'));
      } else if (s.state === 'ended') {
        item.classList.add('ended');
        item.title = 'the log ends here';
        item.appendChild(el('span', 'when', 'the log ends here'));
      } else if (s.state === 'unknown') {
        item.classList.add('unknown');
        item.title = 'the log does not tell';
      }
      const when = [];
      if (s.line !== null && s.line !== undefined) when.push('line ' + s.line);
      if (typeof s.seconds === 'number') when.push('+' + s.seconds.toFixed(s.seconds < 10 ? 1 : 0) + ' s');
      if (when.length) item.appendChild(el('span', 'when', when.join(', ')));
      list.appendChild(item);
    });
    if (failed && last < 0) {
      box.appendChild(el('div', 'attempt', 'It stopped before resolving the host name.'));
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
    h.appendChild(el('span', 'where', '(' + (WHERE[r.where] || r.where) + ')'));
    box.appendChild(h);
    if (r.weakens_security) box.appendChild(el('p', 'weakens', 'This weakens security: read the risk first.'));
    if (r.config) box.appendChild(block('In ~/.ssh/config', r.config));
    if (r.option) box.appendChild(block('For one run, add to the ssh command', r.option));
    if (r.server_config) box.appendChild(block('In /etc/ssh/sshd_config on the server', r.server_config));
    if (r.commands && r.commands.length) box.appendChild(block('Run', r.commands.join('\n')));
    if (r.note) box.appendChild(el('p', 'note', r.note));
    if (r.risk) box.appendChild(el('p', 'risk', 'Risk: ' + r.risk));
    return box;
  }

  function renderDiagnosis(d, index) {
    const item = el('li', d.alternative_to === null || d.alternative_to === undefined ? 'answer' : 'alternative');
    item.dataset.kb = d.kb;
    item.dataset.signature = d.signature;
    item.appendChild(el('h3', 'title', d.title));
    const meta = el('p', 'meta');
    meta.appendChild(el('span', 'level ' + d.level, d.level));
    meta.appendChild(document.createTextNode(' confidence ' + d.confidence.toFixed(2) + ', root cause '));
    meta.appendChild(el('span', 'kb', '[' + d.kb + ']'));
    meta.appendChild(document.createTextNode(', signature ' + d.signature));
    if (typeof d.alternative_to === 'number') {
      meta.appendChild(document.createTextNode(', an alternative to ' + (d.alternative_to + 1)));
    }
    item.appendChild(meta);
    item.appendChild(el('p', 'explanation', d.explanation));
    if (d.evidence.length) {
      const list = el('ul', 'evidence-list');
      d.evidence.forEach((e) => {
        const li = el('li');
        const a = el('a', null, 'line ' + e.line);
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
    if (d.tell_apart) item.appendChild(el('p', 'tell-apart', 'If unsure: ' + d.tell_apart));
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
      if (skipped) { fragment.appendChild(el('div', 'gap', '… ' + skipped + ' lines not shown …')); skipped = 0; }
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
    if (skipped) fragment.appendChild(el('div', 'gap', '… ' + skipped + ' lines not shown …'));
    view.appendChild(fragment);
  }

  function render(report, markdown, log) {
    const verdict = $('verdict');
    verdict.textContent = VERDICTS[report.status] || report.status;
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
    if (!log.trim()) {
      error.textContent = 'Paste a log first: the output of ssh -vvv HOST.';
      error.hidden = false;
      return;
    }
    const request = { log: log, redact: $('redact').checked, lang: $('lang').value };
    document.body.dataset.state = 'busy';
    $('busy').textContent = 'Diagnosing…';
    $('diagnose').disabled = true;
    try {
      const [json, markdown] = await Promise.all([post('/api/v1/diagnose', request), post('/api/v1/markdown', request)]);
      render(JSON.parse(json), markdown, log);
      $('busy').textContent = '';
      document.body.dataset.state = 'done';
    } catch (e) {
      $('busy').textContent = '';
      error.textContent = 'sshdiag could not diagnose this: ' + e.message;
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
    // Changing the language or the redaction re-asks when a result is shown.
    ['redact', 'lang'].forEach((id) => $(id).addEventListener('change', () => {
      if (!$('result').hidden) diagnose();
    }));
  });
})();
