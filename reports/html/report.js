(function () {
  'use strict';
  // Every piece of scanned text reaches the page through textContent: nothing here parses markup.
  var started = Date.now();
  var data = JSON.parse(document.getElementById('readiness-data').textContent);
  var GROUPS_PER_PAGE = 20;
  var ROWS_PER_PAGE = 50;
  var SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
  // account: '*' for every finding, '' for findings of no account, else an account id (results with an account list).
  var state = { severity: {}, source: {}, account: '*', text: '', groupPage: 0, rowPages: {}, open: {} };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function plural(n, word) {
    return n.toLocaleString('en') + ' ' + word + (n === 1 ? '' : 's');
  }

  function searchText(f) {
    if (f.q === undefined) {
      var rule = data.rules[f.r];
      f.q = (rule.id + '\n' + rule.title + '\n' + f.m + '\n' + f.l + '\n' + (f.c || '')).toLowerCase();
    }
    return f.q;
  }

  function matches(f) {
    return state.severity[f.s] !== false && state.source[f.k] !== false && (state.account === '*' || f.a === state.account)
      && (!state.text || searchText(f).indexOf(state.text) >= 0);
  }

  function badge(severity) {
    return el('span', 'badge sev-' + severity, severity);
  }

  function tag(kind, text) {
    return el('span', 'tag tag-' + kind, text);
  }

  function findingRow(f, showRule) {
    var tr = el('tr', 'finding');
    tr.setAttribute('data-severity', f.s);
    tr.setAttribute('data-source', f.k);
    var sev = el('td');
    sev.appendChild(badge(f.s));
    if (f.x) sev.appendChild(tag('blocking', 'blocking'));
    if (f.b === 'new') sev.appendChild(tag('new', 'new'));
    if (f.e) sev.appendChild(tag('expired', 'expired'));
    if (f.u) sev.appendChild(tag('undecided', 'undecided'));
    tr.appendChild(sev);
    var where = el('td');
    where.appendChild(el('code', 'loc', f.l));
    if (showRule) {
      var rule = data.rules[f.r];
      where.appendChild(el('div', 'muted small', rule.id + ' ' + rule.title));
    }
    tr.appendChild(where);
    var what = el('td');
    what.appendChild(el('div', 'message', f.m));
    if (f.p) what.appendChild(el('div', 'muted small', 'Accepted: ' + f.p));
    if (f.e) what.appendChild(el('div', 'small tag-expired', 'Suppression expired: ' + f.e));
    if (f.c) what.appendChild(el('pre', 'snippet', f.c));
    tr.appendChild(what);
    return tr;
  }

  function pagedTable(container, items, key, showRule) {
    clear(container);
    if (items.length === 0) {
      container.appendChild(el('div', 'empty', 'None.'));
      return;
    }
    var pages = Math.ceil(items.length / ROWS_PER_PAGE);
    var page = Math.min(state.rowPages[key] || 0, pages - 1);
    var table = el('table', 'findings');
    var cols = el('colgroup');
    ['c-sev', 'c-loc', 'c-msg'].forEach(function (c) { cols.appendChild(el('col', c)); });
    table.appendChild(cols);
    var head = el('tr');
    ['Severity', showRule ? 'Where and rule' : 'Where', 'Finding'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    items.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE).forEach(function (f) { body.appendChild(findingRow(f, showRule)); });
    table.appendChild(body);
    container.appendChild(table);
    if (pages > 1) {
      container.appendChild(pager(page, pages, items.length, ROWS_PER_PAGE, 'findings', function (p) {
        state.rowPages[key] = p;
        pagedTable(container, items, key, showRule);
      }));
    }
  }

  function pager(page, pages, total, size, noun, go) {
    var nav = el('div', 'pager');
    var prev = el('button', 'prev', '\u2190 Previous');
    prev.type = 'button';
    prev.disabled = page === 0;
    prev.addEventListener('click', function () { go(page - 1); });
    var next = el('button', 'next', 'Next \u2192');
    next.type = 'button';
    next.disabled = page >= pages - 1;
    next.addEventListener('click', function () { go(page + 1); });
    nav.appendChild(prev);
    nav.appendChild(el('span', 'muted page-info', (page * size + 1).toLocaleString('en') + '\u2013' + Math.min(total, (page + 1) * size).toLocaleString('en') +
      ' of ' + total.toLocaleString('en') + ' ' + noun + ' (page ' + (page + 1) + ' of ' + pages + ')'));
    nav.appendChild(next);
    return nav;
  }

  // Rule text with ``` fences: prose as text, fenced blocks as preformatted code; still only text nodes.
  function richText(className, text) {
    var box = el('div', className);
    text.split(/^```[^\n]*\n?/m).forEach(function (part, i) {
      part = part.replace(/^\n+|\n+$/g, '');
      if (part) box.appendChild(i % 2 ? el('pre', 'code', part) : prose(part));
    });
    return box;
  }

  // Inline `code` in rule text becomes <code>; every piece is still set as text (textContent), never parsed as markup.
  function prose(text) {
    var div = el('div', 'prose');
    text.split(/`([^`\n]+)`/).forEach(function (piece, i) {
      if (piece) div.appendChild(i % 2 ? el('code', null, piece) : document.createTextNode(piece));
    });
    return div;
  }

  function ruleBody(rule, items) {
    var body = el('div', 'rule-body');
    if (rule.rationale) {
      body.appendChild(el('div', 'label', 'Why it matters'));
      body.appendChild(richText('rationale', rule.rationale));
    }
    if (rule.remediation) {
      body.appendChild(el('div', 'label', 'How to fix'));
      body.appendChild(richText('remediation', rule.remediation));
    }
    var refs = (rule.references || []).slice();
    if (rule.helpUri && !refs.some(function (r) { return r.url === rule.helpUri; })) refs.push({ label: 'Documentation', url: rule.helpUri });
    if (refs.length) {
      var list = el('div', 'small muted refs');
      list.appendChild(document.createTextNode('References: '));
      refs.forEach(function (r, i) {
        if (i) list.appendChild(document.createTextNode(' \u00b7 '));
        if (r.url && /^https?:\/\//i.test(r.url)) {
          var a = el('a', null, r.label);
          a.href = r.url;
          a.rel = 'noopener noreferrer';
          list.appendChild(a);
        } else {
          list.appendChild(document.createTextNode(r.label));
        }
      });
      body.appendChild(list);
    }
    body.appendChild(el('div', 'label', 'Where (' + plural(items.length, 'location') + ')'));
    var table = el('div', 'locations');
    body.appendChild(table);
    pagedTable(table, items, 'rule:' + rule.id, false);
    return body;
  }

  function matchedGroups() {
    var byRule = [];
    var total = 0;
    for (var i = 0; i < data.findings.length; i++) {
      var f = data.findings[i];
      if (!matches(f)) continue;
      (byRule[f.r] || (byRule[f.r] = [])).push(f);
      total++;
    }
    var groups = [];
    for (var r = 0; r < data.rules.length; r++) if (byRule[r]) groups.push({ rule: data.rules[r], items: byRule[r] });
    return { groups: groups, total: total };
  }

  function renderGroups() {
    var matched = matchedGroups();
    var container = document.getElementById('groups');
    clear(container);
    container.setAttribute('data-filter-text', state.text);
    document.getElementById('match-count').textContent = matched.total === data.findings.length
      ? plural(data.findings.length, 'finding') + ' in ' + plural(matched.groups.length, 'rule')
      : matched.total.toLocaleString('en') + ' of ' + plural(data.findings.length, 'finding') + ' match, in ' + plural(matched.groups.length, 'rule');
    if (matched.groups.length === 0) {
      container.appendChild(el('div', 'empty', data.findings.length ? 'No finding matches these filters.' : 'No open findings.'));
    }
    var pages = Math.max(1, Math.ceil(matched.groups.length / GROUPS_PER_PAGE));
    state.groupPage = Math.min(state.groupPage, pages - 1);
    matched.groups.slice(state.groupPage * GROUPS_PER_PAGE, (state.groupPage + 1) * GROUPS_PER_PAGE).forEach(function (g) {
      container.appendChild(groupSection(g.rule, g.items));
    });
    var nav = document.getElementById('group-pager');
    clear(nav);
    if (pages > 1) {
      nav.appendChild(pager(state.groupPage, pages, matched.groups.length, GROUPS_PER_PAGE, 'rules', function (p) {
        state.groupPage = p;
        renderGroups();
        document.getElementById('findings').scrollIntoView();
      }));
    }
    return matched;
  }

  function groupSection(rule, items) {
    var section = el('section', 'rule-group');
    section.id = 'rule-' + rule.id;
    section.setAttribute('data-rule', rule.id);
    var details = el('details');
    var summary = el('summary');
    var top = items.reduce(function (a, f) { return SEVERITY_RANK[f.s] > SEVERITY_RANK[a] ? f.s : a; }, 'info');
    var blocking = items.filter(function (f) { return f.x; }).length;
    summary.appendChild(badge(top));
    summary.appendChild(document.createTextNode(' '));
    summary.appendChild(el('span', 'rule-title', rule.title));
    summary.appendChild(el('span', 'muted', ' \u00b7 ' + rule.id + ' \u00b7 ' + plural(items.length, 'finding') + (blocking ? ' \u00b7 ' + blocking.toLocaleString('en') + ' blocking' : '')));
    details.appendChild(summary);
    var rendered = false;
    function fill() {
      if (!rendered && details.open) {
        details.appendChild(ruleBody(rule, items));
        rendered = true;
      }
    }
    details.addEventListener('toggle', function () {
      state.open[rule.id] = details.open;
      fill();
    });
    details.open = !!state.open[rule.id];
    fill();
    section.appendChild(details);
    return section;
  }

  function revealRule(id) {
    var groups = matchedGroups().groups;
    if (!groups.some(function (g) { return g.rule.id === id; })) {
      resetFilters();
      groups = matchedGroups().groups;
    }
    var index = groups.findIndex(function (g) { return g.rule.id === id; });
    if (index < 0) return;
    state.groupPage = Math.floor(index / GROUPS_PER_PAGE);
    state.open[id] = true;
    renderGroups();
    document.getElementById('rule-' + id).scrollIntoView();
  }

  function resetFilters() {
    Array.prototype.forEach.call(document.querySelectorAll('.chip'), function (chip) { chip.setAttribute('aria-pressed', 'true'); });
    state.severity = {};
    state.source = {};
    state.text = '';
    document.getElementById('filter-text').value = '';
    state.account = '*';
    var account = document.getElementById('filter-account');
    if (account) account.value = '*';
  }

  function wireFilters() {
    Array.prototype.forEach.call(document.querySelectorAll('.chip'), function (chip) {
      chip.addEventListener('click', function () {
        var on = chip.getAttribute('aria-pressed') !== 'true';
        chip.setAttribute('aria-pressed', on ? 'true' : 'false');
        if (chip.hasAttribute('data-severity')) state.severity[chip.getAttribute('data-severity')] = on;
        else state.source[chip.getAttribute('data-source')] = on;
        state.groupPage = 0;
        renderGroups();
      });
    });
    var account = document.getElementById('filter-account');
    if (account) {
      account.addEventListener('change', function () {
        state.account = account.value;
        state.groupPage = 0;
        renderGroups();
      });
    }
    var timer = null;
    document.getElementById('filter-text').addEventListener('input', function (e) {
      var value = e.target.value.trim().toLowerCase();
      clearTimeout(timer);
      timer = setTimeout(function () {
        state.text = value;
        state.groupPage = 0;
        renderGroups();
      }, 120);
    });
    Array.prototype.forEach.call(document.querySelectorAll('a[data-rule]'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        revealRule(a.getAttribute('data-rule'));
      });
    });
  }

  function renderLists() {
    var expired = data.findings.filter(function (f) { return f.e; });
    pagedTable(document.getElementById('expired-list'), expired, 'expired', true);
    pagedTable(document.getElementById('suppressed-list'), data.suppressed, 'suppressed', true);
    var fixedList = document.getElementById('fixed-list');
    if (fixedList) {
      pagedTable(document.getElementById('new-list'), data.findings.filter(function (f) { return f.b === 'new'; }), 'new', true);
      pagedTable(fixedList, data.fixed, 'fixed', true);
    }
  }

  // Open the groups that block the launch first, so the reader sees what to fix without a click.
  var opened = 0;
  for (var i = 0; i < data.findings.length && opened < 3; i++) {
    var id = data.rules[data.findings[i].r].id;
    if (data.findings[i].x && !state.open[id]) { state.open[id] = true; opened++; }
  }
  wireFilters();
  renderGroups();
  renderLists();
  document.body.setAttribute('data-rendered', 'true');
  document.body.setAttribute('data-render-ms', String(Date.now() - started));
})();
