/**
 * The page's whole style, inlined (the page loads nothing). Colours are CSS
 * variables set twice, for light and for dark (`prefers-color-scheme`); text
 * has at least 4.5:1 contrast on its background in both, and the colours of
 * marks at least 3:1, so bars and lines read in either.
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --rule: #d1d9e0; --panel: #f6f8fa;
  --new: #0969da; --learning: #bc4c00; --review: #1a7f37; --relearning: #cf222e;
  --suspended: #9a6700; --dropped: #bf3989; --buried: #6e7781; --archived: #8250df;
  --due: #0969da; --overdue: #cf222e; --time: #8250df; --trend: #0969da;
  --h0: #eff2f5; --h1: #9be9a8; --h2: #40c463; --h3: #30a14e; --h4: #216e39; --cell: rgba(31, 35, 40, 0.12);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --rule: #3d444d; --panel: #151b23;
    --new: #4493f8; --learning: #db6d28; --review: #3fb950; --relearning: #f85149;
    --suspended: #d29922; --dropped: #db61a2; --buried: #9198a1; --archived: #ab7df8;
    --due: #4493f8; --overdue: #f85149; --time: #ab7df8; --trend: #4493f8;
    --h0: #151b23; --h1: #0e4429; --h2: #006d32; --h3: #26a641; --h4: #39d353; --cell: rgba(240, 246, 252, 0.1);
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
p { margin: 0.25rem 0 0.75rem; }
.sub, .note, .legend, caption, footer, .empty { color: var(--muted); }
.legend { font-size: 0.85rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin: 0 0.3em 0 0.6em; vertical-align: -0.05em; background: var(--muted); }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; margin: 1.25rem 0 0; }
.glance div { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.8rem; }
.glance dt { color: var(--muted); font-size: 0.85rem; }
.glance dd { margin: 0; }
.glance .big { font-size: 1.6rem; font-weight: 600; }
.glance .rest { display: block; }
.scroll { overflow-x: auto; }
svg.chart { display: block; width: 100%; height: auto; margin: 0.5rem 0; font: 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
/* Cells of a year shrunk to a phone's width would be specks: the calendar scrolls instead,
   starting at its right end (recent weeks), which a right-to-left box does without a script. */
svg.heatmap { min-width: 36rem; direction: ltr; }
.scroll.recent { direction: rtl; }
.grid line, .axis line { stroke: var(--rule); stroke-width: 1; }
.grid text, .axis text { fill: var(--muted); }
.hit { fill: transparent; }
.marked rect:not(.hit) { stroke: var(--fg); stroke-width: 1; }
.target { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 5 4; }
.dash { display: inline-block; width: 1.5em; margin: 0 0.3em 0 0.6em; vertical-align: 0.3em; border-top: 2px dashed var(--muted); }
.dot { display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin: 0 0.3em 0 0.6em; background: var(--trend); }
.trend { fill: none; stroke: var(--trend); stroke-width: 2; }
.point { fill: var(--trend); }
.s-new { fill: var(--new); background: var(--new); }
.s-learning { fill: var(--learning); background: var(--learning); }
.s-review { fill: var(--review); background: var(--review); }
.s-relearning { fill: var(--relearning); background: var(--relearning); }
.s-suspended { fill: var(--suspended); background: var(--suspended); }
.s-dropped { fill: var(--dropped); background: var(--dropped); }
.s-buried { fill: var(--buried); background: var(--buried); }
.s-archived { fill: var(--archived); background: var(--archived); }
.s-due { fill: var(--due); background: var(--due); }
.s-overdue { fill: var(--overdue); background: var(--overdue); }
.s-time { fill: var(--time); background: var(--time); }
.h0 { fill: var(--h0); background: var(--h0); } .h1 { fill: var(--h1); background: var(--h1); }
.h2 { fill: var(--h2); background: var(--h2); } .h3 { fill: var(--h3); background: var(--h3); }
.h4 { fill: var(--h4); background: var(--h4); }
.heatmap rect { stroke: var(--cell); stroke-width: 1; }
.legend .swatch { box-shadow: inset 0 0 0 1px var(--cell); }
table { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-size: 0.85rem; padding-bottom: 0.25rem; }
th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
thead th { font-weight: 600; font-size: 0.85rem; white-space: normal; vertical-align: bottom; }
tbody th { font-weight: normal; }
.num { text-align: right; }
.of { color: var(--muted); font-size: 0.85em; }
#deck-table { font-size: 0.875rem; }
#deck-table th, #deck-table td { padding: 0.2rem 0.35rem; }
details.data { margin: 0.25rem 0 0.5rem; }
details.data summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
footer { margin-top: 3rem; font-size: 0.85rem; }
`;
