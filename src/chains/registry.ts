// Family name → adapter. Every family the config accepts has one: the type
// below does not compile without it.
import type { ChainAdapter } from './adapter.ts';
import { algorand } from './algorand.ts';
import { bitcoin } from './bitcoin.ts';
import { cometbft } from './cometbft.ts';
import { evm } from './evm.ts';
import type { ChainFamily } from '../config/families.ts';
import { httpJson } from './http-json.ts';
import { solana } from './solana.ts';
import { substrate } from './substrate.ts';

const ADAPTERS: Readonly<Record<ChainFamily, ChainAdapter>> = {
  algorand,
  evm,
  substrate,
  cometbft,
  bitcoin,
  solana,
  'http-json': httpJson,
};

export function adapterFor(family: ChainFamily): ChainAdapter {
  return ADAPTERS[family];
}
