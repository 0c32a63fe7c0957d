/*
 * The Crossdesk dashboard page: asks for an API key (kept in sessionStorage, or taken once from
 * #key=... for demos), then follows /api/v1/live (Server-Sent Events) and redraws every view from each
 * "picture" it receives. No framework, no network access beyond this service.
 */
(function () {
  'use strict';

  var KEY = 'crossdesk.dashboard.apiKey';
  var API = 'api/v1/';
  var FEED_SHOWN = 60;
  var C = Charts;
  var colors = { blue: '#1f5fa8', red: '#a4261d', green: '#276b2c', amber: '#8a4b00' };
  var source = null;
  var lastFeedSeq = 0;
  var retryTimer = null;
  var lastData = null;
  var resizeTimer = null;

  function $(id) { return document.getElementById(id); }

  function apiKey() { return sessionStorage.getItem(KEY); }

  function takeKeyFromUrl() {
    var match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
      // Keep the key out of the address bar and the history.
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function showLogin(message) {
    stopStream();
    $('main').hidden = true;
    $('sign-out').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    setConnection('off', 'Not connected');
    $('api-key').focus();
  }

  function showMain() {
    $('login').hidden = true;
    $('main').hidden = false;
    $('sign-out').hidden = false;
  }

  function setConnection(kind, text) {
    var badge = $('connection');
    badge.className = 'badge badge-' + kind;
    badge.textContent = text;
  }

  function start() {
    clearTimeout(retryTimer);
    var key = apiKey();
    if (!key) { showLogin(); return; }
    fetch(API + 'views', { headers: { Authorization: 'Bearer ' + key, Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          sessionStorage.removeItem(KEY);
          showLogin('That API key was not accepted.');
          return null;
        }
        if (response.status === 403) {
          sessionStorage.removeItem(KEY);
          showLogin('This key may not see the dashboard: it is for supervisors and auditors.');
          return null;
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (picture) {
        if (!picture) { return; }
        showMain();
        render(picture);
        openStream(key);
      })
      .catch(function (error) {
        setConnection('warn', 'Cannot reach the dashboard service, retrying');
        retryTimer = setTimeout(start, 5000);
      });
  }

  function openStream(key) {
    stopStream();
    source = new EventSource(API + 'live?access_token=' + encodeURIComponent(key));
    source.addEventListener('picture', function (event) { render(JSON.parse(event.data)); });
    source.onopen = function () { setConnection('on', 'Live'); };
    source.onerror = function () {
      if (source && source.readyState === EventSource.CLOSED) {
        // Closed for good (e.g. the key was revoked): check the key again, then reconnect.
        setConnection('warn', 'Disconnected, retrying');
        retryTimer = setTimeout(start, 5000);
      } else {
        setConnection('warn', 'Reconnecting');
      }
    };
  }

  function stopStream() {
    if (source) { source.close(); source = null; }
  }

  // ---------------------------------------------------------------- rendering

  function render(data) {
    lastData = data;
    var p = data.picture;
    renderReplay(data.replay);
    $('updated').textContent = 'Updated ' + time(p.at) + ' UTC';
    text('total-submitted', C.number(p.volumes.submitted));
    text('total-routed', C.number(p.volumes.routed));
    text('total-rejected', C.number(p.volumes.rejected));
    text('total-open', C.number(p.openAlerts.open));
    text('total-unacknowledged', C.number(p.openAlerts.unacknowledged));
    text('total-breaches', C.number(p.breaches.total));
    text('total-withheld', C.number(p.withheld.noAgreement));
    renderVolumes(p.volumes);
    renderOpenAlerts(p.openAlerts);
    renderTimes(p.responseTimes);
    renderBreaches(p.breaches);
    renderWithheld(p.withheld);
    renderFeed(p.feed);
  }

  function text(id, value) {
    var node = $(id);
    if (node.textContent !== value) { node.textContent = value; }
  }

  function renderReplay(r) {
    var bar = $('replay-progress');
    var target = Math.max(r.catchUpTarget, 1);
    bar.max = target;
    bar.value = Math.min(r.consumed, target);
    var percent = r.catchUpTarget ? Math.floor(100 * Math.min(r.consumed, r.catchUpTarget) / r.catchUpTarget) : 100;
    var line;
    if (r.state === 'LIVE') {
      $('replay-label').textContent = 'Replay complete';
      line = 'Live. Replayed ' + C.number(r.catchUpTarget) + ' offsets' +
        (r.catchUpRecordsPerSecond ? ' at ' + C.number(Math.round(r.catchUpRecordsPerSecond)) + ' events/s' : '') +
        '; ' + C.number(r.applied) + ' events applied; lag ' + C.number(r.lag) + '.';
    } else if (r.state === 'CATCHING_UP') {
      $('replay-label').textContent = 'Catching up';
      line = C.number(r.consumed) + ' / ' + C.number(r.catchUpTarget) + ' offsets (' + percent + ' %), ' +
        C.number(r.applied) + ' events applied';
    } else if (r.state === 'WAITING_FOR_TOPICS') {
      $('replay-label').textContent = 'Waiting';
      line = 'Waiting for the topics to exist';
    } else {
      $('replay-label').textContent = 'Stopped';
      line = 'The replay has stopped; the views are frozen';
    }
    bar.setAttribute('aria-valuetext', line);
    text('replay-text', line);
    text('replay-problems', r.unusable ? C.number(r.unusable) + ' unreadable records skipped' : '');
  }

  function renderVolumes(v) {
    C.columns($('chart-hours'), v.lastHours.map(function (b) {
      var d = new Date(b.start);
      return { label: pad(d.getUTCHours()) + ':00', long: day(b.start) + ' ' + pad(d.getUTCHours()) + ':00', value: b.count };
    }), { title: 'Referrals submitted per hour, last 48 hours', labelEvery: 6, periodHeader: 'Hour (UTC)' });
    C.columns($('chart-days'), v.lastDays.map(function (b) {
      return { label: day(b.start).slice(5), long: day(b.start), value: b.count };
    }), { title: 'Referrals submitted per day, last 30 days', labelEvery: 5, periodHeader: 'Day (UTC)', color: colors.green });
    C.hbar($('chart-types'), entries(v.byType).filter(function (e) { return e.value > 0 || e.label !== 'UNKNOWN'; }),
      { title: 'Referrals by type', headers: ['Type', 'Referrals'] });
    C.hbar($('chart-priorities'), entries(v.byPriority).reverse().map(function (e) {
      e.color = e.label === 'IMMEDIATE' ? colors.red : e.label === 'URGENT' ? colors.amber : colors.blue;
      return e;
    }), { title: 'Referrals by priority', headers: ['Priority', 'Referrals'] });
    C.hbar($('chart-countries'), entries(v.byIssuingCountry),
      { title: 'Referrals by issuing country', headers: ['Country', 'Referrals'], color: colors.green,
        emptyText: 'No referrals yet.' });
  }

  function renderOpenAlerts(o) {
    C.hbar($('chart-open'), o.desks.filter(function (d) { return d.open > 0; }).map(function (d) {
      return {
        label: d.deskId, key: d.deskId, value: d.oldestOpenAgeSeconds, text: duration(d.oldestOpenAgeSeconds * 1000) + ' (' + d.open + ' open)',
        cells: [d.country, C.number(d.open), C.number(d.unacknowledged), duration(d.oldestOpenAgeSeconds * 1000),
          d.unacknowledged ? duration(d.oldestUnacknowledgedAgeSeconds * 1000) : '–', C.number(d.deliveryFailures)]
      };
    }).concat(o.desks.filter(function (d) { return d.open === 0; }).map(function (d) {
      return { label: d.deskId, key: d.deskId, value: 0, text: 'none open',
        cells: [d.country, '0', '0', '–', '–', C.number(d.deliveryFailures)] };
    })), {
      title: 'Longest wait of an open alert, per recipient desk', tableFirst: true, color: colors.amber,
      caption: 'Open alerts per recipient desk, longest wait first',
      headers: ['Desk', 'Country', 'Open', 'Not acknowledged', 'Oldest open', 'Oldest not acknowledged', 'Failed deliveries'],
      emptyText: 'No alert is waiting.', maxBars: 10
    });
  }

  function renderTimes(t) {
    var legend = [{ name: 'p50', color: colors.green }, { name: 'p90', color: colors.blue }, { name: 'p99', color: colors.red }];
    var groups = [];
    t.priorities.forEach(function (row) {
      [['deliver', row.toDeliver], ['acknowledge', row.toAcknowledge]].forEach(function (pair) {
        var d = pair[1];
        groups.push({
          label: row.priority.toLowerCase() + ' ' + pair[0],
          bars: [d.p50Ms, d.p90Ms, d.p99Ms].map(function (ms, i) {
            return { name: legend[i].name, value: Math.log10(1 + ms), text: d.count ? duration(ms) : 'no data' };
          })
        });
      });
    });
    C.grouped($('chart-times'), groups, {
      title: 'Time from routing to delivery and to acknowledgement, percentiles per priority (log scale)',
      legend: legend,
      table: {
        caption: 'Time to deliver and to acknowledge by priority (from routing)',
        headers: ['Priority', 'Delivered', 'Deliver p50', 'p90', 'p99', 'Acknowledged', 'Acknowledge p50', 'p90', 'p99'],
        numeric: [false, true, true, true, true, true, true, true, true],
        keys: t.priorities.map(function (r) { return r.priority; }),
        rows: t.priorities.map(function (r) {
          var d = r.toDeliver, a = r.toAcknowledge;
          return [r.priority, C.number(d.count), opt(d, d.p50Ms), opt(d, d.p90Ms), opt(d, d.p99Ms),
            C.number(a.count), opt(a, a.p50Ms), opt(a, a.p90Ms), opt(a, a.p99Ms)];
        })
      }
    });
  }

  function opt(distribution, ms) { return distribution.count ? duration(ms) : '–'; }

  function renderBreaches(b) {
    C.hbar($('chart-breaches'), b.desks.map(function (d) {
      return { label: d.deskId, key: d.deskId, value: d.total,
        cells: [C.number(d.acknowledgement), C.number(d.response), C.number(d.total), C.number(d.escalated)] };
    }), { title: 'Missed deadlines per recipient desk', color: colors.red,
      headers: ['Desk', 'Acknowledgement', 'Response', 'Total', 'Escalated'], emptyText: 'No deadline missed.' });
  }

  function renderWithheld(w) {
    C.hbar($('chart-withheld'), w.noAgreementPairs.map(function (p) {
      var label = p.issuingCountry + ' → ' + p.candidateCountry;
      return { label: label, key: p.issuingCountry + '-' + p.candidateCountry, value: p.count,
        cells: [p.candidateCountry, C.number(p.count)] };
    }), { title: 'Recipients withheld for want of a cooperation agreement', color: colors.amber,
      headers: ['Issuing country → candidate', 'Candidate country', 'Withheld'],
      emptyText: 'No recipient withheld for want of an agreement.' });
  }

  function renderFeed(items) {
    var list = $('feed');
    var fresh = items.filter(function (i) { return i.seq > lastFeedSeq; }).reverse();
    if (!fresh.length) { return; }
    Array.prototype.forEach.call(list.querySelectorAll('li.fresh'), function (li) { li.classList.remove('fresh'); });
    fresh.forEach(function (item) {
      var li = document.createElement('li');
      li.className = 'fresh';
      li.setAttribute('data-seq', item.seq);
      cell(li, 'time', item.occurredAt ? time(item.occurredAt) : '');
      cell(li, 'state', item.state);
      cell(li, 'ref', item.referralId || item.detail || '');
      var desks = [item.issuingDesk, item.recipientDesk].filter(Boolean).join(' → ');
      var facts = [item.event, desks, item.type, item.priority,
        item.countries && item.countries.length ? 'countries ' + item.countries.join(', ') : '',
        item.referralId ? item.detail : ''].filter(Boolean);
      cell(li, 'facts', facts.join(' · '));
      list.insertBefore(li, list.firstChild);
    });
    lastFeedSeq = items.length ? items[0].seq : lastFeedSeq;
    while (list.children.length > FEED_SHOWN) { list.removeChild(list.lastChild); }
  }

  function cell(li, cls, value) {
    var span = document.createElement('span');
    span.className = cls;
    span.textContent = value;
    li.appendChild(span);
  }

  // ---------------------------------------------------------------- formatting

  function entries(map) {
    return Object.keys(map).map(function (k) { return { label: k, value: map[k] }; });
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function day(iso) { return new Date(iso).toISOString().slice(0, 10); }

  function time(iso) { return new Date(iso).toISOString().slice(11, 19); }

  function duration(ms) {
    if (ms < 1000) { return Math.round(ms) + ' ms'; }
    var s = ms / 1000;
    if (s < 60) { return s.toFixed(s < 10 ? 1 : 0) + ' s'; }
    if (s < 3600) { return (s / 60).toFixed(s < 600 ? 1 : 0) + ' min'; }
    if (s < 86400) { return (s / 3600).toFixed(1) + ' h'; }
    return (s / 86400).toFixed(1) + ' d';
  }

  // ---------------------------------------------------------------- start

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var key = $('api-key').value.trim();
      if (!key) { $('login-error').textContent = 'Enter an API key.'; return; }
      sessionStorage.setItem(KEY, key);
      $('api-key').value = '';
      start();
    });
    $('sign-out').addEventListener('click', function () {
      sessionStorage.removeItem(KEY);
      showLogin('Key forgotten.');
    });
    // Charts are drawn at their card's pixel width: redraw when the window changes size.
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { if (lastData && !$('main').hidden) { render(lastData); } }, 200);
    });
    takeKeyFromUrl();
    start();
  });
})();
