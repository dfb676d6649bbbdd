// A Content-Security-Policy for the rendered page that allows exactly its own
// inline style and script (by hash) and nothing else: no external loads, no
// injected script even if some text ever escaped its escaping.
import { createHash } from 'node:crypto';
import { liveRefreshScript } from './page-script.ts';
import { PAGE_CSS } from './page-style.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The policy for one rendered page, from the inline style and script it holds. */
export function pageSecurityPolicy(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return policyFor(styles, scripts);
}

/**
 * The policy of every page rendered with this refresh interval, for a server
 * that sends one fixed header instead of hashing each page (CloudFront's
 * response headers policy): the page's only inline style is PAGE_CSS and its
 * only script the live refresh, neither of which depends on the data.
 */
export function fixedPageSecurityPolicy(refreshSeconds: number | null): string {
  return policyFor([PAGE_CSS], refreshSeconds ? [liveRefreshScript(refreshSeconds)] : []);
}

function policyFor(styles: readonly string[], scripts: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src ${styles.length ? styles.map(hash).join(' ') : "'none'"}`,
    `script-src ${scripts.length ? scripts.map(hash).join(' ') : "'none'"}`,
    // The live refresh fetches the page itself.
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
