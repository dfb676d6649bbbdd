// What the central status function knows of the config: what the page
// renders (the title, the probe regions, each network's id, chain, lag and
// head-age limits and its public endpoint ids), the namespace its alarms
// live in, and each endpoint's alarm group (the dimension its region-less
// metrics carry, which uptime reads). Built at synth time and embedded in the function in place of the
// config, so no URL, header or credential is ever part of its bundle.
import { alarmGroups } from '../alarms/alarm-groups.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { endpointComponentId, pageLayout, type PageLayout } from './page-layout.ts';

export interface StatusView {
  /** CloudWatch namespace of the metrics and prefix of the alarm names. */
  readonly namespace: string;
  readonly layout: PageLayout;
  /** Alarm group of each endpoint on the page, by component id ("network/endpoint"). */
  readonly alarmGroups: Readonly<Record<string, string>>;
}

export function statusView(config: ResolvedConfig): StatusView {
  const layout = pageLayout(config);
  const groups = alarmGroups(config);
  const byComponent: Record<string, string> = {};
  for (const network of layout.networks) {
    for (const endpoint of network.endpoints) {
      const group = groups.groupOf(network.id, endpoint);
      if (group) byComponent[endpointComponentId(network.id, endpoint)] = group;
    }
  }
  return { namespace: config.namespace, layout, alarmGroups: byComponent };
}
