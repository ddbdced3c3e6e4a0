// The trend view: pickers for device, range and grain; the charts are SVG drawn by the server.
'use strict';

const Trends = (() => {
  const $ = id => document.getElementById(id);
  const charts = [
    ['chart-pelvic_tilt', 'angles', () => ({ grain: $('angle-grain').value, metric: 'pelvic_tilt' })],
    ['chart-lordosis_delta', 'angles', () => ({ grain: $('angle-grain').value, metric: 'lordosis_delta' })],
    ['chart-state', 'time-in-state', () => ({ grain: $('state-grain').value, by: 'state' })],
    ['chart-activity', 'time-in-state', () => ({ grain: $('state-grain').value, by: 'activity' })],
    ['chart-alerts', 'alerts', () => ({})],
    ['chart-bends', 'bends', () => ({})],
  ];
  const maxHourlyDays = 62;
  let generation = 0;
  let zone = 'UTC';
  let recordsSessions = false;

  // A yyyy-MM-dd date in the server's zone, which is how the server reads dates back.
  const dateIn = (time) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);
  const addDays = (date, days) => {
    const d = new Date(date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  // Times from the server are UTC; add the Z when a store left it out.
  const utc = text => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : text + 'Z');
  const daysBetween = (from, to) => (Date.parse(to) - Date.parse(from)) / 86400000;

  async function start(info) {
    zone = info.zone;
    recordsSessions = info.recordsSessions === true;
    try { dateIn(new Date()); } catch { zone = 'UTC'; }
    // A store that cannot be read answers with a message: show it rather than a blank page.
    const response = await fetch('/api/devices');
    const devices = response.ok ? await response.json() : [];
    if (!response.ok) showError([await messageOf(response)]);
    const select = $('device');
    select.append(new Option('All devices', 'all'));
    for (const d of devices) select.append(new Option(`${d.name} (${d.deviceId})`, d.deviceId));
    const lastSeen = devices.reduce((t, d) => Math.max(t, utc(d.lastSeenUtc)), 0);
    $('to').value = dateIn(lastSeen > 0 ? new Date(lastSeen) : new Date());
    setPreset(30);
    // A link may name the range and device: '#trends?from=2026-03-01&to=2026-04-25&device=0123456789abcdef'.
    const asked = new URLSearchParams(location.hash.split('?')[1] || '');
    if (asked.has('to')) { $('to').value = asked.get('to'); setPreset(30); }
    if (asked.has('from')) { $('from').value = asked.get('from'); markPreset(null); }
    if (asked.has('device') && devices.some(d => d.deviceId === asked.get('device'))) select.value = asked.get('device');

    for (const button of document.querySelectorAll('.presets button')) {
      button.addEventListener('click', () => { setPreset(Number(button.dataset.days)); load(); });
    }
    for (const id of ['device', 'from', 'to', 'angle-grain', 'state-grain']) {
      $(id).addEventListener('change', () => { if (id === 'from' || id === 'to') markPreset(null); load(); });
    }
    $('trend-controls').addEventListener('submit', e => { e.preventDefault(); load(); });
    await load();
  }

  function setPreset(days) {
    $('from').value = addDays($('to').value, 1 - days);
    markPreset(days);
  }

  function markPreset(days) {
    for (const b of document.querySelectorAll('.presets button')) b.setAttribute('aria-pressed', String(Number(b.dataset.days) === days));
  }

  // Hourly buckets are refused over long ranges: step up to days instead of showing an error.
  function fitGrains() {
    const days = daysBetween($('from').value, addDays($('to').value, 1));
    for (const id of ['angle-grain', 'state-grain']) {
      if ($(id).value === 'hour' && days > maxHourlyDays) $(id).value = 'day';
    }
  }

  function params(extra) {
    const p = new URLSearchParams({ device: $('device').value, from: $('from').value, to: addDays($('to').value, 1) });
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p;
  }

  async function load() {
    const mine = ++generation;
    fitGrains();
    const errors = [];
    await Promise.all([
      ...charts.map(async ([id, chart, extra]) => {
        const response = await fetch(`/api/charts/${chart}.svg?${params(extra())}`);
        if (!response.ok) {
          errors.push(await messageOf(response));
          return;
        }
        const text = await response.text();
        if (mine === generation) place($(id), text);
      }),
      loadStatus(mine),
      loadReview(mine, errors),
    ]);
    if (mine !== generation) return;
    showError(errors);
    document.body.dataset.trendsLoaded = String(mine);
  }

  function showError(errors) {
    $('trend-error').hidden = errors.length === 0;
    $('trend-error').textContent = [...new Set(errors)].join('; ');
  }

  async function messageOf(response) {
    try { return (await response.json()).error; } catch { return `the server answered ${response.status}`; }
  }

  // Parsed as SVG (not HTML) and imported, so the charts' elements and data-* attributes are in the page.
  function place(container, svgText) {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    container.replaceChildren(document.importNode(doc.documentElement, true));
    container.scrollLeft = container.scrollWidth; // on a phone the chart scrolls: start at the newest data
  }

  // The pattern card, before/after panel and adherence: HTML made by the server, the same as in the report.
  async function loadReview(mine, errors) {
    const response = await fetch('/api/review.html?' + params({}));
    if (!response.ok) {
      errors.push(await messageOf(response));
      return;
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (mine !== generation) return;
    $('review-panel').replaceChildren(...Array.from(doc.body.childNodes, n => document.importNode(n, true)));
    // Only a dashboard that records sessions (the one 'run' serves) offers the button.
    if (recordsSessions) {
      for (const programme of $('review-panel').querySelectorAll('article.programme')) programme.append(sessionForm(programme.dataset.programmeId));
    }
  }

  // "Record a session" under each programme: POST /api/programmes/{id}/sessions, then redraw (the adherence and ticks change).
  function sessionForm(programmeId) {
    const form = document.createElement('form');
    form.className = 'record-session';
    form.innerHTML = '<label>Minutes <input type="number" name="minutes" min="1" max="600" value="20" required></label> ' +
      '<label>Note <input type="text" name="note" maxlength="200"></label> <button type="submit">Record a session</button> <output></output>';
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const output = form.querySelector('output');
      const body = { minutes: Number(form.minutes.value) };
      if (form.note.value.trim()) body.note = form.note.value.trim();
      try {
        const response = await fetch(`/api/programmes/${encodeURIComponent(programmeId)}/sessions`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
        output.dataset.recorded = String(response.ok);
        output.textContent = response.ok ? 'recorded' : await messageOf(response);
        if (response.ok) await load();
      } catch (error) {
        output.dataset.recorded = 'false';
        output.textContent = String(error);
      }
    });
    return form;
  }

  async function loadStatus(mine) {
    const p = new URLSearchParams({ device: $('device').value });
    const response = await fetch('/api/status?' + p);
    if (!response.ok || mine !== generation) return;
    const rows = await response.json();
    const list = $('status');
    list.replaceChildren(...rows.map(s => {
      const li = document.createElement('li');
      const battery = s.batteryPercent != null ? `${s.batteryPercent}%` : `${(s.batteryMillivolts / 1000).toFixed(2)} V`;
      const faults = [s.lumbarFault && 'lumbar sensor fault', s.pelvisFault && 'pelvis sensor fault'].filter(Boolean);
      li.textContent = `${s.device}: battery ${battery}${s.charging ? ' (charging)' : ''}, ${s.temperatureCelsius.toFixed(1)} °C, ` +
        `${faults.length ? faults.join(', ') : 'sensors ok'} — ${new Date(utc(s.timeUtc)).toLocaleString()}`;
      if (faults.length) li.className = 'fault';
      return li;
    }));
  }

  return { start, load };
})();
