// A rolling two-minute line chart drawn as SVG polylines: small enough to own, no library needed.
'use strict';

class LiveChart {
  static windowMs = 120000;
  static series = [
    { key: 'pelvicTilt', name: 'pelvic_tilt', label: 'pelvic tilt' },
    { key: 'lordosisDelta', name: 'lordosis_delta', label: 'lordosis delta' },
    { key: 'lumbarFlexion', name: 'lumbar_flexion', label: 'lumbar flexion' },
  ];

  // The colours are the server's palette (/palette.css), the same the trend charts and the report use.
  static colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  constructor(container) {
    this.ns = 'http://www.w3.org/2000/svg';
    this.width = 600;
    this.height = 170;
    this.left = 34;
    this.top = 18;
    this.bottom = 18;
    this.svg = this.el('svg', { viewBox: `0 0 ${this.width} ${this.height}`, class: 'chart', 'data-chart': 'live', role: 'img', 'font-size': 11, 'font-family': 'system-ui, sans-serif' });
    this.grid = this.el('g', { fill: LiveChart.colour('--muted') });
    this.svg.append(this.grid);
    this.lines = LiveChart.series.map((s, i) => {
      const colour = LiveChart.colour(`--metric-${s.name}`);
      const line = this.el('polyline', { fill: 'none', stroke: colour, 'stroke-width': 2, 'data-series': s.name, 'data-points': 0 });
      this.svg.append(line);
      const swatch = this.el('rect', { x: this.left + i * 120, y: 4, width: 9, height: 9, fill: colour });
      const label = this.el('text', { x: this.left + 13 + i * 120, y: 12, fill: LiveChart.colour('--ink') });
      label.textContent = s.label;
      this.svg.append(swatch, label);
      return line;
    });
    container.replaceChildren(this.svg);
  }

  el(tag, attributes) {
    const e = document.createElementNS(this.ns, tag);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    return e;
  }

  // history: [{ t: ms, pelvicTilt, lordosisDelta, lumbarFlexion }] oldest first; nulls break no line, they are skipped.
  draw(history) {
    if (history.length === 0) return;
    const end = history[history.length - 1].t;
    const start = end - LiveChart.windowMs;
    const values = history.flatMap(h => LiveChart.series.map(s => h[s.key])).filter(v => v != null);
    const low = Math.min(-10, ...values);
    const high = Math.max(10, ...values);
    const step = [5, 10, 20, 30, 45, 90].find(s => (high - low) / s <= 6) ?? 90;
    const min = Math.floor(low / step) * step;
    const max = Math.ceil(high / step) * step;
    const plotW = this.width - this.left - 6;
    const plotH = this.height - this.top - this.bottom;
    const x = t => this.left + plotW * (t - start) / LiveChart.windowMs;
    const y = v => this.top + plotH * (max - v) / (max - min);

    this.grid.replaceChildren();
    for (let v = min; v <= max; v += step) {
      this.grid.append(this.el('line', { x1: this.left, x2: this.left + plotW, y1: y(v), y2: y(v), stroke: v === 0 ? LiveChart.colour('--muted') : LiveChart.colour('--grid') }));
      const label = this.el('text', { x: this.left - 4, y: y(v) + 4, 'text-anchor': 'end' });
      label.textContent = `${v}°`;
      this.grid.append(label);
    }
    for (const [ms, text] of [[0, '−2 min'], [60000, '−1 min'], [120000, 'now']]) {
      const label = this.el('text', { x: x(start + ms), y: this.height - 4, 'text-anchor': ms === 0 ? 'start' : ms === 120000 ? 'end' : 'middle' });
      label.textContent = text;
      this.grid.append(label);
    }

    LiveChart.series.forEach((s, i) => {
      const points = history.filter(h => h.t >= start && h[s.key] != null).map(h => `${x(h.t).toFixed(1)},${y(h[s.key]).toFixed(1)}`);
      this.lines[i].setAttribute('points', points.join(' '));
      this.lines[i].setAttribute('data-points', String(points.length));
    });
  }
}
