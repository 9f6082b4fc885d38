"""The review pages' inline style sheet (screen and A4 print) and the overview's small sorting and filtering script.

Both are constants put inline in every page, so that a page works from
``file://``, offline, with nothing fetched. The pages read fully without the
script; it only adds sorting and filtering to the overview's table (its
controls are hidden until it runs).
"""

from __future__ import annotations

__all__ = ["CSS", "INDEX_SCRIPT"]

CSS = """
:root{--err:#a4001d;--err-bg:#fde6ea;--warn:#7a4f00;--warn-bg:#fff1cc;--info:#0b4f8a;--info-bg:#e3eefa;
--wv:#555;--wv-bg:#eeeeee;--line:#b9bec7;--head:#eef1f5;--ink:#1b1f24;--sub:#5a6270;--bar-s:#2f5f98;--bar-r:#c26a00}
*{box-sizing:border-box}[hidden]{display:none!important}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;
color:var(--ink);margin:0 auto;max-width:1180px;padding:1rem 1.25rem 3rem;line-height:1.45;font-size:15px}
h1{font-size:1.5rem;margin:.2rem 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--head);padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
a{color:#0645ad}code{font-size:.9em}
.lede{color:var(--sub);margin:.2rem 0 .6rem}
.crumb{margin:0 0 .4rem;font-size:.9rem}
.counts{display:flex;flex-wrap:wrap;gap:.4rem .9rem;margin:.4rem 0 .8rem;padding:.5rem .7rem;background:var(--head);border-radius:4px}
.counts span{white-space:nowrap}
table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.2rem 0;caption-side:top}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:var(--head);font-weight:600}
th[scope=row]{font-weight:500;background:#fafbfc}
table.kv{width:auto;min-width:50%}table.kv th[scope=row]{white-space:nowrap}
td.n,td.re{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.re{color:var(--sub)}
.sub{display:block;color:var(--sub);font-size:.82em}
span.sub{display:inline}th .sub,td .sub{display:block}
.tier{background:#f6f7f9}
.tree{color:var(--sub)}
th.d1{padding-left:1.6em}th.d2{padding-left:2.8em}th.d3{padding-left:4em}th.d4,th.d5,th.d6,th.d7,th.d8{padding-left:5.2em}
.prose{white-space:pre-wrap;overflow-wrap:anywhere}
td.dev{min-width:14em}table.indicators th[scope=row]{min-width:8em}table.indicators td{min-width:3.2em}td.dev .k{color:var(--sub)}
.none{color:var(--sub)}
.empty{color:var(--sub);font-style:italic}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.hl{outline:3px solid currentColor;outline-offset:-3px}
.hl.sev-error{background:var(--err-bg);color:var(--err)}
.hl.sev-warning{background:var(--warn-bg);color:var(--warn)}
.hl.sev-info{background:var(--info-bg);color:var(--info)}
.hl.sev-waived{background:var(--wv-bg);color:var(--wv);outline-style:dashed}
tr.hl{outline:none}tr.hl>th[scope=row]{box-shadow:inset 6px 0 0 currentColor}
section.block.hl{outline:none;background:none;color:inherit}
section.block.hl>h2{box-shadow:inset 0 -3px 0 currentColor}
section.block.hl.sev-error>h2{color:var(--err)}section.block.hl.sev-warning>h2{color:var(--warn)}section.block.hl.sev-info>h2{color:var(--info)}
.marks{white-space:nowrap}
a.mark{display:inline-block;margin-left:.3em;padding:0 .35em;border-radius:3px;font-size:.78em;font-weight:700;
text-decoration:none;color:#fff;vertical-align:super;line-height:1.4}
.mark.sev-error{background:var(--err)}.mark.sev-warning{background:var(--warn)}.mark.sev-info{background:var(--info)}.mark.sev-waived{background:var(--wv)}
tr.notes>td{background:#fff;border-top:none;padding:.15rem .45rem .35rem}
ul.notes{list-style:none;margin:.2rem 0;padding:0}
li.note{margin:.15rem 0;padding:.2rem .45rem;border-left:4px solid;color:var(--ink)}
li.note.sev-error{border-color:var(--err);background:var(--err-bg)}li.note.sev-warning{border-color:var(--warn);background:var(--warn-bg)}
li.note.sev-info{border-color:var(--info);background:var(--info-bg)}li.note.sev-waived{border-color:var(--wv);background:var(--wv-bg)}
li.note .num{font-weight:700;margin-right:.2em}
.sev{font-weight:700;white-space:nowrap}.sev-error .sev,.sev.sev-error{color:var(--err)}.sev.sev-warning{color:var(--warn)}
.sev.sev-info{color:var(--info)}.sev.sev-waived{color:var(--wv)}
.cat{color:var(--sub)}.tag{border:1px solid var(--sub);border-radius:3px;padding:0 .3em;font-size:.8em;color:var(--sub)}
.reason{display:block;color:var(--sub);font-size:.9em}
a.rule{font-weight:700;font-family:ui-monospace,monospace}
.pv{position:relative;border-bottom:1px dotted var(--sub);cursor:help}
.pv:focus{outline:2px solid #0645ad;outline-offset:1px}
.pvbox{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.pv:hover>.pvbox,.pv:focus>.pvbox{clip:auto;width:max-content;max-width:30em;height:auto;overflow:visible;white-space:normal;
left:0;top:100%;z-index:20;background:#fff;color:var(--ink);border:1px solid var(--line);box-shadow:0 2px 8px rgba(0,0,0,.18);
padding:.4rem .55rem;font-size:.85rem;font-weight:400;text-align:left}
.pvk{color:var(--sub);display:block;font-size:.8em}.pvplace{display:block;font-family:ui-monospace,monospace}
svg.chart{max-width:100%;height:auto;display:block;margin:.3rem 0 .8rem;font-size:12px}
svg.chart text{fill:var(--ink)}svg.chart .sub,svg.chart .none{fill:var(--sub)}svg.chart .grp{font-weight:700}
svg.chart .w{fill:#fff;stroke:#6b7380;stroke-width:1}svg.chart .s{fill:var(--bar-s)}svg.chart .r{stroke:var(--bar-r);stroke-width:1}
svg.chart .re-bg{fill:#ffe2bf}svg.chart .re-line{stroke:var(--bar-r)}svg.chart .sep{stroke:var(--line)}svg.chart .step{fill:var(--sub)}
.charts{display:flex;flex-wrap:wrap;gap:0 2rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
.controls label{font-weight:600}
th button{font:inherit;font-weight:600;background:none;border:none;padding:0;cursor:pointer;color:inherit;text-align:left}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
tr.failed>td,tr.failed>th{background:var(--err-bg)}
footer{margin-top:2rem;color:var(--sub);font-size:.85rem}
@media print{
@page{size:A4 portrait;margin:12mm 10mm}
body{max-width:none;padding:0;font-size:9pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.controls,.crumb,.pvbox,noscript{display:none!important}
h2,h3,caption{break-after:avoid}
table.kv,svg.chart,li.note,.counts,tr{break-inside:avoid}
tr.notes{break-before:avoid}
section[data-path=indicators]{break-before:page}
table{font-size:8.5pt}th,td{padding:.15rem .3rem}
a{color:inherit;text-decoration:none}
details:not([open]){display:none}
}
"""

INDEX_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("reports");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
  var controls = document.querySelectorAll(".controls");
  Array.prototype.forEach.call(controls, function (el) { el.hidden = false; });
  var heads = table.tHead.rows[0].cells;
  var current = { col: -1, dir: 0 };
  function key(row, col, type) {
    var cell = row.cells[col];
    var v = cell ? cell.getAttribute("data-v") : null;
    if (v === null) { v = cell ? cell.textContent : ""; }
    if (type === "num") { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
    return v;
  }
  function sortBy(col) {
    var type = heads[col].getAttribute("data-type") || "text";
    var dir = current.col === col ? -current.dir : (type === "num" ? -1 : 1);
    current = { col: col, dir: dir };
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a, col, type), y = key(b, col, type), c;
      if (type === "num") { c = x < y ? -1 : (x > y ? 1 : 0); } else { c = String(x).localeCompare(String(y), "zh"); }
      if (c === 0) { c = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); return c; }
      return c * dir;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(heads, function (th, i) {
      if (th.hasAttribute("data-type")) {
        th.setAttribute("aria-sort", i === col ? (dir > 0 ? "ascending" : "descending") : "none");
      }
    });
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    if (!th.hasAttribute("data-type")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () { sortBy(i); });
  });
  var select = document.getElementById("filter");
  var search = document.getElementById("search");
  var count = document.getElementById("shown");
  function apply() {
    var tag = select ? select.value : "";
    var text = search ? search.value.trim().toLowerCase() : "";
    var shown = 0;
    rows.forEach(function (row) {
      var tags = " " + (row.getAttribute("data-tags") || "") + " ";
      var ok = (!tag || tags.indexOf(" " + tag + " ") >= 0) &&
        (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = String(shown); }
  }
  if (select) { select.addEventListener("change", apply); }
  if (search) { search.addEventListener("input", apply); }
  apply();
})();
"""
