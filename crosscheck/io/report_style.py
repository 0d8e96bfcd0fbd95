"""The HTML report's style sheet: inline (the report loads nothing), for the screen and for paper.

On paper the navigation (contents, "back" links) is dropped, links print as their text (a
fragment like "#group-g4" means nothing on paper; the group numbers Q1, C2 printed beside every
link and heading do the pointing), a group, a finding or a table row is never split across
pages, and a SHA-256 prints whole, since paper has no tooltip.
"""

CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--quote:#1f5fa8;--claim:#2e7d4f;--uniq:#a0522d;--warn:#b00020;--link:#1f5fa8}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);max-width:62rem;
 margin:2rem auto;padding:0 1rem}
h1{margin-bottom:.2rem}.story{font-size:1.15em;margin:.2rem 0}.summary,.muted{color:var(--muted)}
a{color:var(--link);text-decoration:none}a:hover,a:focus{text-decoration:underline}
:target{outline:3px solid #f2c94c;outline-offset:4px}
nav.toc{border:1px solid #ddd;border-radius:4px;padding:.2rem 1rem;margin:1rem 0;background:#fafafa}
nav.toc h2{font-size:1.05em;margin:.5rem 0}nav.toc ol{margin:.2rem 0;padding-left:1.4rem}
nav.toc ol.groups{font-size:.9em;columns:2;column-gap:2rem}nav.toc ol.groups li{break-inside:avoid}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;
 vertical-align:top}
table.sources td:last-child{font-size:.85em;min-width:14rem}
dl.evidence{margin:0;display:grid;grid-template-columns:auto 1fr;column-gap:.6rem}
dl.evidence dt{color:var(--muted)}dl.evidence dd{margin:0}
.address{overflow-wrap:anywhere}code.sha .full{display:none}
.warning{color:var(--warn);margin:.2rem 0}
section.group{border-left:4px solid var(--quote);padding:.1rem 1rem;margin:1.2rem 0;break-inside:avoid}
section.group.claim{border-left:4px dashed var(--claim)}
.num{font-size:.8em;color:var(--muted);margin-right:.3rem}
.why{color:var(--muted);font-size:.9em}.src{font-weight:600}.partial,.page{color:var(--muted);font-style:italic}
p.back{font-size:.85em;margin:.3rem 0 .6rem}
ul.unique li{border-left:3px dotted var(--uniq);padding-left:.6rem;margin:.3rem 0;list-style:none}
del{text-decoration:line-through;text-decoration-thickness:2px;color:var(--warn)}
ins{text-decoration:underline;text-decoration-thickness:2px;font-weight:600;color:var(--claim)}
del.noise,ins.noise{color:var(--muted);font-weight:normal;text-decoration-thickness:1px;opacity:.8}
.finding{border:2px solid var(--warn);border-radius:4px;padding:.4rem .7rem;margin:.4rem 0;break-inside:avoid}
.legend span{margin-right:1.2rem}
.flag{border:2px dashed var(--warn);border-radius:4px;padding:.3rem .7rem;margin:.5rem 0;break-inside:avoid}
.flag.dismissed{opacity:.6;border-color:#999}.flag.confirmed{border-style:solid}
table.coverage td.cell{text-align:center;width:2rem;padding:0}table.coverage th.rowlabel{font-weight:normal}
table.coverage td.cell a{display:block;padding:.3rem 0;color:inherit}
table.coverage th.letter{text-align:center;vertical-align:bottom}
p.key{font-size:.9em;margin:.4rem 0}p.key span{display:inline-block;margin-right:1.2rem}
[id]{scroll-margin-top:.8rem}
table.coverage th.rowlabel a{color:inherit}
td.same,td.reference{background:#3a6ea5;color:#fff}td.reworded{background:#c9daf0}td.conflict{background:#c0392b;color:#fff}
@media print{
 body{margin:0;max-width:none;font-size:11pt}
 nav.toc,p.back{display:none}
 a{color:inherit;text-decoration:none}
 :target{outline:none}
 section.group,.finding,.flag,tr,dl.evidence{break-inside:avoid;page-break-inside:avoid}
 h2,h3{break-after:avoid;page-break-after:avoid}
 code.sha .short{display:none}code.sha .full{display:inline;overflow-wrap:anywhere}
 td.same,td.reference,td.reworded,td.conflict{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""
