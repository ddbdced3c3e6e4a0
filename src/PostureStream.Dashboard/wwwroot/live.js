// The live view: one card per device, fed by server-sent events, with calibrate and snooze buttons.
'use strict';

const Live = (() => {
  const cards = new Map();
  const utc = text => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : text + 'Z');
  const degrees = v => (v == null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)}°`);
  const clock = seconds => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
  const time = t => new Date(utc(t)).toLocaleTimeString();

  function start(info) {
    const message = document.getElementById('live-message');
    if (!info.live) {
      message.textContent = info.liveMessage;
      message.hidden = false;
      document.getElementById('view-live').dataset.live = 'off';
      return;
    }
    message.textContent = 'Waiting for devices…';
    message.hidden = false;
    const source = new EventSource('/api/live');
    source.addEventListener('update', e => { message.hidden = true; update(JSON.parse(e.data)); });
    source.addEventListener('error', () => { message.textContent = 'Connection lost; reconnecting…'; message.hidden = false; });
  }

  function element(tag, attributes = {}, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }

  function card(u) {
    let c = cards.get(u.deviceId);
    if (c) return c;
    const root = element('article', { class: 'card', 'data-device': u.deviceId, 'data-updates': '0' });
    const title = element('h2', {}, u.device);
    title.append(element('small', {}, u.deviceId));
    const angles = element('div', { class: 'angles' });
    const field = {};
    for (const [key, label] of [['pelvicTilt', 'pelvic tilt'], ['lumbarFlexion', 'lumbar flexion'], ['lordosisDelta', 'lordosis delta']]) {
      const box = element('div');
      box.append(element('span', {}, label));
      field[key] = element('strong', { 'data-field': key }, '—');
      box.append(field[key]);
      angles.append(box);
    }
    const facts = element('dl', { class: 'facts' });
    for (const [key, label] of [['activity', 'activity'], ['state', 'state'], ['episode', 'episode'], ['lastAlert', 'last alert'],
      ['calibration', 'calibration'], ['battery', 'battery'], ['link', 'link'], ['fault', 'sensors'], ['snooze', 'buzz']]) {
      facts.append(element('dt', {}, label));
      field[key] = element('dd', { 'data-field': key });
      facts.append(field[key]);
    }
    // A wearer of two sensors: the guided calibration's step and what to do (hidden while there is nothing to say).
    field.guidance = element('p', { class: 'guidance', 'data-field': 'guidance', 'aria-live': 'polite', hidden: '' });
    const chartBox = element('div', { class: 'live-chart' });
    const actions = element('div', { class: 'actions' });
    const result = element('p', { class: 'result', 'aria-live': 'polite' });
    for (const [label, action, body] of [['Calibrate standing', 'calibrate', { posture: 'standing' }],
      ['Calibrate sitting', 'calibrate', { posture: 'sitting' }], ['Snooze 30 min', 'snooze', {}]]) {
      const button = element('button', { type: 'button', 'data-action': action + (body.posture ? '-' + body.posture : '') }, label);
      button.addEventListener('click', () => send(u.deviceId, action, body, result));
      actions.append(button);
    }
    root.append(title, field.guidance, angles, chartBox, facts, actions, result);
    document.getElementById('live-devices').append(root);
    c = { root, field, chart: new LiveChart(chartBox), history: [], count: 0 };
    cards.set(u.deviceId, c);
    return c;
  }

  async function send(deviceId, action, body, result) {
    result.textContent = '…';
    try {
      const response = await fetch(`/api/live/${encodeURIComponent(deviceId)}/${action}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const answer = await response.json();
      result.textContent = answer.message ?? answer.error;
      result.dataset.accepted = String(response.ok && answer.accepted === true);
    } catch (e) {
      result.textContent = `could not reach the dashboard: ${e}`;
      result.dataset.accepted = 'false';
    }
  }

  function update(u) {
    const c = card(u);
    const t = utc(u.timeUtc);
    c.history.push({ t, pelvicTilt: u.pelvicTilt, lordosisDelta: u.lordosisDelta, lumbarFlexion: u.lumbarFlexion });
    while (c.history.length > 0 && c.history[0].t < t - LiveChart.windowMs) c.history.shift();
    const f = c.field;
    f.pelvicTilt.textContent = degrees(u.pelvicTilt);
    f.lumbarFlexion.textContent = degrees(u.lumbarFlexion);
    f.lordosisDelta.textContent = degrees(u.lordosisDelta);
    f.activity.textContent = u.activity;
    f.state.replaceChildren(element('span', { class: 'badge ' + u.state }, u.state.replace('_', ' ')));
    f.episode.textContent = u.episodeKind ? `${u.episodeKind} ${clock(u.episodeTime)}` : 'none';
    f.lastAlert.textContent = u.lastAlert
      ? `${u.lastAlert.kind} ${u.lastAlert.phase} at ${time(u.lastAlert.timeUtc)}${u.lastAlert.buzzed ? ' (buzzed)' : ''}` : 'none';
    f.calibration.replaceChildren(element('span', { class: 'badge ' + u.calibration },
      u.calibration === 'stale' ? 'stale: please recalibrate' : u.calibration));
    f.battery.textContent = u.batteryPercent != null ? `${u.batteryPercent}%`
      : u.batteryMillivolts != null ? `${(u.batteryMillivolts / 1000).toFixed(2)} V` : 'unknown';
    f.link.textContent = u.link
      ? `${u.link.transport} ${u.link.connected ? 'connected' : 'disconnected'}, ${u.link.lostFrames} lost, ${u.link.errorFrames} errors, ${u.link.reconnects} reconnects`
      : 'unknown';
    f.fault.textContent = u.sensorFault ?? 'ok';
    f.fault.className = u.sensorFault ? 'fault' : '';
    f.snooze.textContent = u.snoozedUntilUtc ? `snoozed until ${time(u.snoozedUntilUtc)}` : 'on';
    f.guidance.hidden = !u.guidance;
    f.guidance.dataset.step = u.guidance ? u.guidance.step : '';
    f.guidance.textContent = u.guidance ? u.guidance.message : '';
    c.chart.draw(c.history);
    c.root.dataset.updates = String(++c.count);
  }

  return { start };
})();
