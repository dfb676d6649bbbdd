// The page's only stylesheet, inlined: no external assets, nothing to fetch.
// Colours meet WCAG AA against their background (4.5:1 for text, 3:1 for the
// uptime bars and chart lines), in the light and the dark scheme; tests check
// the ratios. Charts are styled here through classes: the page's CSP allows
// no style attribute.
import type { ComponentStatus } from '../component-status.ts';

export interface Palette {
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly link: string;
  readonly status: Readonly<Record<ComponentStatus, string>>;
  /** Uptime bar fills: good day, some downtime, much downtime, no data, maintenance. */
  readonly bar: { readonly good: string; readonly minor: string; readonly bad: string; readonly none: string; readonly maintenance: string };
  /** Chart line and dots. */
  readonly chart: string;
}

export const LIGHT: Palette = {
  background: '#ffffff',
  surface: '#f6f8fa',
  text: '#1f2328',
  muted: '#59636e',
  border: '#d1d9e0',
  link: '#0550ae',
  status: { operational: '#116329', under_maintenance: '#0a58ca', degraded_performance: '#7d4e00', partial_outage: '#a0410d', major_outage: '#b3121f' },
  bar: { good: '#1a7f37', minor: '#9a6700', bad: '#cf222e', none: '#818b98', maintenance: '#0969da' },
  chart: '#6639ba',
};

export const DARK: Palette = {
  background: '#0d1117',
  surface: '#151b23',
  text: '#e6edf3',
  muted: '#9198a1',
  border: '#3d444d',
  link: '#71b7ff',
  status: { operational: '#3fb950', under_maintenance: '#58a6ff', degraded_performance: '#d29922', partial_outage: '#f0883e', major_outage: '#ff7b72' },
  bar: { good: '#2ea043', minor: '#bb8009', bad: '#f85149', none: '#656c76', maintenance: '#388bfd' },
  chart: '#bc8cff',
};

function variables(p: Palette): string {
  return [
    `--bg:${p.background}`, `--surface:${p.surface}`, `--text:${p.text}`, `--muted:${p.muted}`, `--border:${p.border}`, `--link:${p.link}`,
    `--ok:${p.status.operational}`, `--maint:${p.status.under_maintenance}`, `--degraded:${p.status.degraded_performance}`, `--partial:${p.status.partial_outage}`, `--major:${p.status.major_outage}`,
    `--bar-good:${p.bar.good}`, `--bar-minor:${p.bar.minor}`, `--bar-bad:${p.bar.bad}`, `--bar-none:${p.bar.none}`, `--bar-maint:${p.bar.maintenance}`, `--chart:${p.chart}`,
  ].join(';');
}

export const PAGE_CSS = `
:root{${variables(LIGHT)};color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${variables(DARK)}}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
a:focus-visible,button:focus-visible,summary:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem}
.skip:focus{left:0}
.wrap{max-width:50rem;margin:0 auto;padding:1rem}
header.site{border-bottom:1px solid var(--border)}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:0}
h4{font-size:1rem;margin:0}
.overall{display:flex;gap:.6rem;align-items:center;font-size:1.2rem;font-weight:600;padding:.75rem 1rem;border:2px solid currentColor;border-radius:.5rem;margin:1rem 0 .5rem}
.meta{color:var(--muted);margin:.25rem 0}
.s-operational{color:var(--ok)}.s-under_maintenance{color:var(--maint)}.s-degraded_performance{color:var(--degraded)}.s-partial_outage{color:var(--partial)}.s-major_outage{color:var(--major)}
.i-none{color:var(--ok)}.i-maintenance{color:var(--maint)}.i-minor{color:var(--degraded)}.i-major{color:var(--partial)}.i-critical{color:var(--major)}
.badge{font-weight:600;white-space:nowrap}
.icon{display:inline-block;min-width:1.1em;text-align:center;font-weight:700}
.notice{background:var(--surface);border-left:4px solid var(--degraded);padding:.75rem 1rem;margin:1rem 0}
.network{border:1px solid var(--border);border-radius:.5rem;margin:0 0 1rem;overflow:hidden}
.network>.head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem;padding:.75rem 1rem;background:var(--surface)}
.chain{color:var(--muted);font-weight:400;font-size:.9rem}
.endpoints{list-style:none;margin:0;padding:0}
.endpoints>li,.network>.net-uptime{padding:.75rem 1rem;border-top:1px solid var(--border)}
.row{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem}
.name{font-weight:600;overflow-wrap:anywhere}
.detail{margin:.25rem 0 0}
.net-detail{padding:.5rem 1rem 0}
figure.uptime{margin:.5rem 0 0}
figure.uptime svg{display:block;width:100%;height:1.75rem}
figure.uptime figcaption{color:var(--muted);font-size:.875rem}
.d-good{fill:var(--bar-good)}.d-minor{fill:var(--bar-minor)}.d-bad{fill:var(--bar-bad)}.d-none{fill:var(--bar-none)}.d-maint,.d-mark{fill:var(--bar-maint)}
.regions{margin:.25rem 0 0;font-size:.875rem;color:var(--muted)}
.chart-pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.25rem 1rem;margin:.5rem 0 0}
figure.chart-figure{margin:0;min-width:0}
figure.chart-figure figcaption{color:var(--muted);font-size:.875rem}
svg.chart{display:block;width:100%;height:auto}
svg.chart text{font-size:10px;fill:var(--muted)}
.chart-grid{stroke:var(--border);stroke-width:.5}.chart-axis{stroke:var(--muted);stroke-width:1}
.chart-line{fill:none;stroke:var(--chart);stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}.chart-dot{fill:var(--chart)}
.chart-limit{stroke:var(--degraded);stroke-width:1;stroke-dasharray:4 3}
details.charts{margin:.5rem 0 0}details.charts>summary{cursor:pointer;color:var(--link)}
.maintenance{border:1px solid var(--border);border-left:4px solid var(--maint);border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
.history-day{font-size:1rem;margin:1rem 0 .5rem}
.incident{color:var(--text);border:1px solid var(--border);border-left-width:4px;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
.incident.i-minor{border-left-color:var(--degraded)}.incident.i-major{border-left-color:var(--partial)}.incident.i-critical{border-left-color:var(--major)}
.updates{margin:.5rem 0 0;padding-left:1.25rem}
.updates li{margin:.25rem 0}
details.incident>summary{cursor:pointer}
.legend{color:var(--muted);font-size:.875rem}
footer.site{border-top:1px solid var(--border);color:var(--muted);font-size:.9rem;margin-top:2rem}
footer.site ul{padding-left:1.25rem}
.live{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.live button{font:inherit;color:var(--text);background:var(--surface);border:1px solid var(--border);border-radius:.375rem;padding:.25rem .75rem;cursor:pointer}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (max-width:30rem){.wrap{padding:.75rem}.overall{font-size:1.05rem}h1{font-size:1.35rem}}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`.trim();
