// guv's dashboard: polls /api/state and /api/history, draws one SVG chart per role and the decision log.
// Self-contained on purpose: no library, no external URL, so it works offline and behind any firewall.
'use strict';
(() => {
  const WINDOW_MS = 3 * 3600 * 1000;
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 640, H = 220, M = { l: 36, r: 58, t: 12, b: 22 };
  const REASONS = {
    Initial: 'set at start',
    ScaleUp: 'scaled up',
    ScaleDown: 'scaled down',
    ScaleDownToHistory: 'scaled down as far as recent estimates allow',
    HeldByHistory: 'held by recent estimates',
    Unchanged: 'unchanged',
  };
  const history = new Map();
  const panels = new Map();
  let newest = null;
  let state = null;

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, text) => {
    const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const ms = (r) => Date.parse(r.at);
  const clock = (t) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const hhmm = (t) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const num = (v, digits = 0) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
  const workersOf = (r) => r.applied ?? r.desired ?? r.workers;

  async function getJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  async function refresh() {
    try {
      const since = newest === null ? '3h' : new Date(newest + 1).toISOString();
      const [s, records] = await Promise.all([getJson('/api/state'), getJson('/api/history?since=' + since)]);
      state = s;
      for (const r of records) {
        if (!history.has(r.role)) history.set(r.role, []);
        history.get(r.role).push(r);
        newest = Math.max(newest ?? 0, ms(r));
      }
      const cutoff = Date.now() - WINDOW_MS;
      for (const [role, list] of history) history.set(role, list.filter((r) => ms(r) >= cutoff));
      render(records.length > 0);
    } catch (e) {
      const badge = $('health');
      badge.dataset.healthy = 'false';
      badge.textContent = 'guv not reachable';
      $('tick').textContent = String(e.message || e);
    }
    setTimeout(refresh, 1000 * Math.min(5, Math.max(1, state?.pollInterval ?? 2)));
  }

  function render(changed) {
    const badge = $('health');
    badge.dataset.healthy = String(state.healthy);
    badge.textContent = state.healthy ? 'healthy' : 'unhealthy';
    badge.title = state.health;
    $('tick').textContent = (state.at ? `last tick ${clock(Date.parse(state.at))}` : 'no tick yet')
      + (state.dryRun ? ' · dry run: no workers are changed' : '')
      + (state.leadership === 'standby' ? ' · standby: another guv holds the lease and applies' : '')
      + (state.leadership === 'leader' ? ' · leader' : '') + ' · ' + state.health;
    for (const role of state.roles) renderPanel(role);
    for (const [name, panel] of panels) {
      if (!state.roles.some((r) => r.role === name)) { panel.root.remove(); panels.delete(name); }
    }
    if (changed) renderLog();
  }

  function renderPanel(role) {
    let panel = panels.get(role.role);
    if (!panel) {
      const root = el('article', { class: 'panel', 'data-role': role.role });
      const title = el('h2');
      title.append(el('span', {}, role.role), el('span', { class: 'muted' }, `${role.platform} · queue ${role.queue}`));
      const facts = el('div', { class: 'facts' });
      const svg = el('svg:svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img' });
      const why = el('p', { class: 'why' });
      root.append(title, facts, svg, why);
      $('roles').append(root);
      panel = { root, facts, svg, why };
      panels.set(role.role, panel);
    }
    const last = role.last;
    panel.facts.replaceChildren(...[
      ['jobs', num(last.jobs)], ['workers', num(workersOf(last))], ['estimate', num(last.estimate)],
      ['min', last.minimum], ['max', last.maximum], ['deadline', `${last.deadline} s`],
      ['in', `${num(last.fillRate, 1)}/s`], ['out', `${num(last.drainRate, 1)}/s`],
    ].map(([k, v]) => { const s = el('span', {}, `${k} `); s.append(el('b', {}, String(v))); return s; }));
    panel.why.className = last.error ? 'why error' : 'why';
    panel.why.textContent = last.error ? `left as it is: ${last.error}`
      : last.explanation ? `${REASONS[last.reason] ?? last.reason}: ${last.explanation}` : '';
    drawChart(panel.svg, history.get(role.role) ?? [], last);
  }

  function drawChart(svg, records, last) {
    const now = state.at ? Date.parse(state.at) : Date.now();
    const t0 = records.length ? Math.max(now - WINDOW_MS, ms(records[0])) : now - 60000;
    const t1 = Math.max(now, t0 + 1000);
    const peakWorkers = Math.max(last.maximum, 1, ...records.map((r) => Math.max(workersOf(r) ?? 0, r.estimate ?? 0)));
    const yMax = Math.ceil(peakWorkers * 1.1);
    const jobsMax = Math.max(10, ...records.map((r) => r.jobs ?? 0));
    const x = (t) => M.l + ((t - t0) / (t1 - t0)) * (W - M.l - M.r);
    const y = (v) => H - M.b - (v / yMax) * (H - M.t - M.b);
    const yj = (v) => H - M.b - (v / jobsMax) * (H - M.t - M.b);
    const parts = [];

    for (const v of [0, Math.round(yMax / 2), yMax]) {
      parts.push(el('svg:line', { class: 'grid', x1: M.l, x2: W - M.r, y1: y(v), y2: y(v) }));
      parts.push(el('svg:text', { class: 'axis', x: M.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
    }
    for (const v of [0, jobsMax]) {
      parts.push(el('svg:text', { class: 'axis', x: W - M.r + 6, y: yj(v) + 4 }, `${v} jobs`));
    }
    for (let i = 0; i <= 3; i++) {
      const t = t0 + ((t1 - t0) * i) / 3;
      const label = t1 - t0 < 15 * 60000 ? clock(t) : hhmm(t);
      const anchor = i === 0 ? 'start' : i === 3 ? 'end' : 'middle';
      parts.push(el('svg:text', { class: 'axis', x: x(t), y: H - 6, 'text-anchor': anchor }, label));
    }

    const withJobs = records.filter((r) => r.jobs !== null);
    if (withJobs.length) {
      const area = withJobs.map((r) => `${x(ms(r)).toFixed(1)},${yj(r.jobs).toFixed(1)}`);
      area.push(`${x(ms(withJobs.at(-1))).toFixed(1)},${yj(0)}`, `${x(ms(withJobs[0])).toFixed(1)},${yj(0)}`);
      parts.push(el('svg:polygon', { class: 'jobs', points: area.join(' '), 'data-series': 'jobs', 'data-peak': String(jobsMax) }));
    }
    for (const [name, limit] of [['min', last.minimum], ['max', last.maximum]]) {
      parts.push(el('svg:line', { class: 'limit', x1: M.l, x2: W - M.r, y1: y(limit), y2: y(limit) }));
      parts.push(el('svg:text', { class: 'limit-label', x: M.l + 4, y: y(limit) - 3 }, `${name} ${limit}`));
    }
    parts.push(el('svg:text', { class: 'limit-label', x: W - M.r - 4, y: M.t + 2, 'text-anchor': 'end' }, `deadline ${last.deadline} s`));
    parts.push(series('estimate', records, (r) => r.estimate, false));
    parts.push(series('desired', records, (r) => r.desired, true));
    parts.push(series('workers', records, workersOf, true));
    svg.replaceChildren(...parts.filter(Boolean));

    function series(name, list, value, step) {
      const points = [];
      let previous = null;
      let peak = 0;
      for (const r of list) {
        const v = value(r);
        if (v === null || v === undefined) continue;
        const px = x(ms(r)).toFixed(1);
        if (step && previous !== null) points.push(`${px},${y(previous).toFixed(1)}`);
        points.push(`${px},${y(v).toFixed(1)}`);
        previous = v;
        peak = Math.max(peak, v);
      }
      if (!points.length) return null;
      return el('svg:polyline', { class: name, points: points.join(' '), 'data-series': name, 'data-peak': String(peak) });
    }
  }

  function renderLog() {
    const rows = [];
    for (const list of history.values()) {
      let lastError = null;
      for (const r of list) {
        const to = workersOf(r);
        if (r.error) {
          if (r.error !== lastError) rows.push({ r, kind: 'error', change: 'left as it is', why: r.error });
          lastError = r.error;
          continue;
        }
        lastError = null;
        if (r.reason && to !== null && to !== r.workers) {
          rows.push({ r, kind: 'change', change: `${num(r.workers)} → ${to} workers`,
            why: `${REASONS[r.reason] ?? r.reason}: ${r.explanation}` });
        }
      }
    }
    rows.sort((a, b) => ms(b.r) - ms(a.r));
    $('log').tBodies[0].replaceChildren(...rows.slice(0, 300).map(({ r, kind, change, why }) => {
      const tr = el('tr', { 'data-role': r.role, 'data-kind': kind, 'data-reason': r.reason ?? '',
        'data-from': String(r.workers ?? ''), 'data-to': String(workersOf(r) ?? '') });
      tr.append(el('td', { class: 'time' }, clock(ms(r))), el('td', {}, r.role), el('td', { class: 'change' }, change),
        el('td', {}, why));
      return tr;
    }));
  }

  refresh();
})();
