/*
 * Small, dependency-free SVG charts for the Crossdesk dashboard. Every chart is an <svg role="img">
 * with a <title> and a <desc> that states the data in words, followed by the same data as a <table>
 * (inside <details> unless the table is the primary presentation). Charts are redrawn in place, so a
 * reader's opened <details> stays open across live updates.
 */
(function (global) {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var uid = 0;

  function svgEl(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function htmlEl(name, attrs, parent, text) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function number(n) {
    return Number(n).toLocaleString('en');
  }

  var measure = document.createElement('canvas').getContext('2d');

  /** Width in pixels of the widest label, as the chart will draw it (12 px system font). */
  function labelWidth(labels, max) {
    measure.font = '12px system-ui, sans-serif';
    var widest = 0;
    labels.forEach(function (l) { widest = Math.max(widest, measure.measureText(String(l)).width); });
    return Math.min(Math.ceil(widest) + 10, max);
  }

  /** Charts are drawn at the pixel width of their card, so text stays 12 px on any screen. */
  function widthOf(slot) {
    return Math.max(280, Math.floor(slot.clientWidth || slot.parentNode.clientWidth || 560));
  }

  /** Sets up (once) a container with a chart slot and a table slot; returns the slots. */
  function frame(container, tableFirst, tableLabel) {
    if (!container._slots) {
      container.textContent = '';
      var chart = htmlEl('div', { 'class': 'chart-slot' }, container);
      var holder;
      if (tableFirst) {
        holder = htmlEl('div', { 'class': 'table-slot' }, container);
      } else {
        var details = htmlEl('details', {}, container);
        htmlEl('summary', {}, details, tableLabel || 'Show the data as a table');
        holder = htmlEl('div', { 'class': 'table-slot' }, details);
      }
      container._slots = { chart: chart, table: holder, id: 'c' + (++uid) };
    }
    return container._slots;
  }

  function svgFrame(slot, id, width, height, title, description) {
    slot.textContent = '';
    var svg = svgEl('svg', {
      width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': id + '-t ' + id + '-d'
    }, slot);
    svgEl('title', { id: id + '-t' }, svg).textContent = title;
    svgEl('desc', { id: id + '-d' }, svg).textContent = description;
    return svg;
  }

  function empty(slot, message) {
    slot.textContent = '';
    htmlEl('p', { 'class': 'empty' }, slot, message || 'Nothing yet.');
  }

  /**
   * A table: caption, column headers, rows of cells; numeric[i] right-aligns column i. Each row may carry
   * a key (data-key) so tests and readers can find a desk or country.
   */
  function table(slot, caption, headers, rows, numeric, keys) {
    slot.textContent = '';
    var t = htmlEl('table', { 'class': 'primary' }, slot);
    htmlEl('caption', {}, t, caption);
    var head = htmlEl('tr', {}, htmlEl('thead', {}, t));
    headers.forEach(function (h, i) {
      htmlEl('th', { scope: 'col', 'class': numeric && numeric[i] ? 'num' : '' }, head, h);
    });
    var body = htmlEl('tbody', {}, t);
    rows.forEach(function (row, r) {
      var tr = htmlEl('tr', keys ? { 'data-key': keys[r] } : {}, body);
      row.forEach(function (cell, i) {
        var attrs = { 'class': numeric && numeric[i] ? 'num' : '' };
        if (i === 0) {
          htmlEl('th', Object.assign({ scope: 'row' }, attrs), tr, cell);
        } else {
          htmlEl('td', attrs, tr, cell);
        }
      });
    });
    return t;
  }

  /**
   * Horizontal bars, one per row: rows [{label, value, text}], opts {title, caption, headers, color,
   * format, tableFirst, extraColumns(row) -> cells, extraHeaders}.
   */
  function hbar(container, rows, opts) {
    var slots = frame(container, opts.tableFirst, opts.tableLabel);
    var format = opts.format || number;
    if (!rows.length) {
      empty(slots.chart, opts.emptyText);
      slots.table.textContent = '';
      return;
    }
    var shown = rows.slice(0, opts.maxBars || 12);
    var width = widthOf(slots.chart);
    var left = labelWidth(shown.map(function (r) { return r.label; }), width * 0.4);
    var barHeight = 18, gap = 5;
    var right = labelWidth(shown.map(function (r) { return r.text || format(r.value); }), width * 0.35) + 4;
    var height = shown.length * (barHeight + gap) + 6;
    var max = Math.max.apply(null, shown.map(function (r) { return r.value; })) || 1;
    var words = shown.map(function (r) { return r.label + ' ' + format(r.value); }).join(', ');
    var svg = svgFrame(slots.chart, slots.id, width, height, opts.title,
      'Horizontal bar chart, ' + shown.length + ' of ' + rows.length + ' rows: ' + words + '.');
    shown.forEach(function (r, i) {
      var y = 4 + i * (barHeight + gap);
      var w = Math.max(1, (width - left - right) * r.value / max);
      var label = svgEl('text', { x: left - 6, y: y + barHeight / 2 + 4, 'text-anchor': 'end' }, svg);
      label.textContent = r.label;
      svgEl('rect', { x: left, y: y, width: w, height: barHeight, fill: r.color || opts.color || '#1f5fa8', rx: 2 }, svg);
      var value = svgEl('text', { x: left + w + 5, y: y + barHeight / 2 + 4 }, svg);
      value.textContent = r.text || format(r.value);
    });
    var headers = opts.headers || ['Label', 'Value'];
    var numeric = headers.map(function (_, i) { return i > 0; });
    table(slots.table, opts.caption || opts.title, headers,
      rows.map(function (r) { return [r.label].concat(r.cells || [r.text || format(r.value)]); }), numeric,
      rows.map(function (r) { return r.key || r.label; }));
  }

  /** Vertical columns over time: points [{label, long, value}], opts {title, caption, labelEvery, color}. */
  function columns(container, points, opts) {
    var slots = frame(container, false, opts.tableLabel);
    var width = widthOf(slots.chart), height = 180, left = 44, bottom = 24, top = 10;
    var max = Math.max.apply(null, points.map(function (p) { return p.value; }));
    var total = points.reduce(function (s, p) { return s + p.value; }, 0);
    var peak = points.reduce(function (best, p) { return p.value > best.value ? p : best; }, points[0] || { value: 0 });
    var svg = svgFrame(slots.chart, slots.id, width, height, opts.title,
      'Column chart of ' + points.length + ' periods; total ' + number(total) +
      (total ? '; busiest ' + peak.long + ' with ' + number(peak.value) : '') + '.');
    var scaleMax = niceMax(max);
    var plotH = height - bottom - top, plotW = width - left - 6;
    [0, 0.5, 1].forEach(function (f) {
      var y = top + plotH * (1 - f);
      svgEl('line', { x1: left, x2: width - 6, y1: y, y2: y, 'class': 'grid-line' }, svg);
      var t = svgEl('text', { x: left - 4, y: y + 4, 'text-anchor': 'end' }, svg);
      t.textContent = number(Math.round(scaleMax * f));
    });
    var step = plotW / Math.max(points.length, 1);
    points.forEach(function (p, i) {
      var h = scaleMax ? plotH * p.value / scaleMax : 0;
      var x = left + i * step;
      if (p.value > 0) {
        var rect = svgEl('rect', { x: x + 1, y: top + plotH - h, width: Math.max(1, step - 2), height: Math.max(h, 1), fill: opts.color || '#1f5fa8' }, svg);
        svgEl('title', {}, rect).textContent = p.long + ': ' + number(p.value);
      }
      if (i % (opts.labelEvery || 6) === 0) {
        var t = svgEl('text', { x: x + step / 2, y: height - 8, 'text-anchor': 'middle' }, svg);
        t.textContent = p.label;
      }
    });
    svgEl('line', { x1: left, x2: width - 6, y1: top + plotH, y2: top + plotH, 'class': 'axis' }, svg);
    table(slots.table, opts.caption || opts.title, [opts.periodHeader || 'Period', 'Referrals'],
      points.filter(function (p) { return p.value > 0; }).map(function (p) { return [p.long, number(p.value)]; }),
      [false, true]);
  }

  /**
   * Grouped horizontal bars: groups [{label, bars: [{name, value, text}]}], series colours by bar index,
   * opts {title, legend: [{name, color}], format}.
   */
  function grouped(container, groups, opts) {
    var slots = frame(container, false, opts.tableLabel);
    var format = opts.format || number;
    var width = widthOf(slots.chart);
    var left = labelWidth(groups.map(function (g) { return g.label; }), width * 0.35);
    var right = 64, barHeight = 11, inner = 2, gap = 10;
    var perGroup = groups.length ? groups[0].bars.length : 0;
    var height = groups.length * (perGroup * (barHeight + inner) + gap) + 26;
    var max = 1;
    groups.forEach(function (g) { g.bars.forEach(function (b) { max = Math.max(max, b.value); }); });
    var words = groups.map(function (g) {
      return g.label + ': ' + g.bars.map(function (b) { return b.name + ' ' + (b.text || format(b.value)); }).join(', ');
    }).join('; ');
    var svg = svgFrame(slots.chart, slots.id, width, height, opts.title, 'Grouped bar chart. ' + words + '.');
    var lx = left;
    (opts.legend || []).forEach(function (l) {
      svgEl('rect', { x: lx, y: 4, width: 10, height: 10, fill: l.color }, svg);
      var t = svgEl('text', { x: lx + 14, y: 13 }, svg);
      t.textContent = l.name;
      lx += 70;
    });
    groups.forEach(function (g, gi) {
      var y0 = 24 + gi * (perGroup * (barHeight + inner) + gap);
      var label = svgEl('text', { x: left - 6, y: y0 + perGroup * (barHeight + inner) / 2 + 4, 'text-anchor': 'end' }, svg);
      label.textContent = g.label;
      g.bars.forEach(function (b, bi) {
        var y = y0 + bi * (barHeight + inner);
        var w = b.value > 0 ? Math.max(1, (width - left - right) * b.value / max) : 0;
        svgEl('rect', { x: left, y: y, width: w, height: barHeight, fill: opts.legend[bi].color }, svg);
        var t = svgEl('text', { x: left + w + 4, y: y + barHeight - 1 }, svg);
        t.textContent = b.text || format(b.value);
      });
    });
    if (opts.table) {
      table(slots.table, opts.table.caption, opts.table.headers, opts.table.rows, opts.table.numeric, opts.table.keys);
    }
  }

  function niceMax(max) {
    if (max <= 0) { return 0; }
    var magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * magnitude >= max) { return steps[i] * magnitude; }
    }
    return 10 * magnitude;
  }

  global.Charts = { hbar: hbar, columns: columns, grouped: grouped, table: table, frame: frame, number: number };
})(window);
