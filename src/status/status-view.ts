// What the central status function knows of the config: what the page
// renders (the title, the probe regions, each network's id, chain, lag,
// head-age, finality and arrival limits, which the lag charts draw and the
// region breakdown compares with, its public endpoint ids, and the
// maintenance windows covering any of them) and the namespace its alarms and
// metrics live in. Built at synth time and embedded in the function in place of the
// config, so no URL, header or credential is ever part of its bundle.
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { pageLayout, type PageLayout } from './page-layout.ts';

export interface StatusView {
  /** CloudWatch namespace of the metrics and prefix of the alarm names. */
  readonly namespace: string;
  readonly layout: PageLayout;
}

export function statusView(config: ResolvedConfig): StatusView {
  return { namespace: config.namespace, layout: pageLayout(config) };
}
