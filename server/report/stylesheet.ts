/**
 * The notebook's stylesheet: system fonts only (nothing to fetch), a readable column on screen,
 * and A4 pages in print with breaks between groups of sections and none inside a table or figure.
 */
export const STYLESHEET = `
:root { --text: #1d2330; --muted: #596273; --border: #d7dce3; --accent: #253494; --warn-bg: #fff4e0; --warn: #8a4b00; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #f4f6f8; color: var(--text); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 820px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 28px; margin: 4px 0 2px; color: var(--accent); }
h2 { font-size: 20px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 16px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 12px 0 4px; }
p { margin: 6px 0; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
.subtitle { color: var(--muted); margin-top: 0; }
.note { color: var(--muted); font-size: 12px; }
.notice { background: var(--warn-bg); color: var(--warn); padding: 6px 10px; border-radius: 4px; }
.meta { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; margin: 16px 0; }
.meta div { display: flex; gap: 8px; border-bottom: 1px solid var(--border); padding: 3px 0; }
.meta dt { color: var(--muted); min-width: 150px; }
.meta dd { margin: 0; font-weight: 600; }
nav ol { columns: 2; margin: 0; padding-left: 20px; }
nav a { color: var(--accent); text-decoration: none; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 20px; font-weight: 600; }
.level { display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 4px; text-align: center; font-weight: 700; }
.nowrap { white-space: nowrap; }
.lead { font-size: 18px; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.dim { color: #b0b6bf; }
.pairs th, .pairs td { text-align: center; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.tag { font-size: 11px; border: 1px solid var(--border); border-radius: 3px; padding: 0 4px; color: var(--muted); }
.meter { display: inline-block; width: 48px; height: 8px; background: #e6e9ee; border-radius: 2px; vertical-align: middle; overflow: hidden; }
.meter span { display: block; height: 100%; background: var(--accent); }
.next-step { border-left: 4px solid var(--accent); padding: 2px 12px; background: #f7f8fb; margin: 12px 0; }
figure { margin: 12px 0; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
svg { max-width: 100%; height: auto; display: block; }
svg.network { border: 1px solid var(--border); border-radius: 4px; }
ul.gaps li { margin: 4px 0; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .page-break { break-before: page; page-break-before: always; }
  table, figure, .card, .next-step, tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  nav a { color: var(--text); }
}
`;
