// A value a node sent, quoted for a message: JSON form, clipped (with the
// mark the Redactor knows), "missing" when absent. A node can send anything;
// a message stays one readable line.
import { clip } from '../config/redactor.ts';

const MAX = 60;

export function quote(value: unknown): string {
  return value === undefined ? 'missing' : clip(JSON.stringify(value) ?? String(value), MAX);
}
