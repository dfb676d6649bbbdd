// Family name → adapter. Families without an adapter yet report that plainly.
import type { ChainAdapter } from './adapter.ts';
import { evm } from './evm.ts';
import type { ChainFamily } from './families.ts';
import { httpJson } from './http-json.ts';

const ADAPTERS: Partial<Record<ChainFamily, ChainAdapter>> = {
  evm,
  'http-json': httpJson,
};

export function adapterFor(family: ChainFamily): ChainAdapter | null {
  return ADAPTERS[family] ?? null;
}

export function allAdapters(): ChainAdapter[] {
  return Object.values(ADAPTERS);
}
