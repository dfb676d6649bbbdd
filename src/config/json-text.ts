// A config written as JSON (what tools generate, often with hundreds of
// endpoints) is read with JSON.parse: the YAML parser takes ~100× as long
// for the same text, about 0.2 ms per endpoint on a one-shot `vantage
// check` (npm run bench). JSON is YAML, so the result is the same data; the
// YAML document is still what gives problems their line numbers, parsed
// only when a problem needs one (load.ts).

/**
 * The data of a JSON config, or undefined when the text is not a JSON
 * object, or repeats a key in some object: JSON.parse would silently keep
 * the last one, where the YAML parser reports it with its line.
 */
export function parseJsonConfig(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return hasDuplicateKey(text) ? undefined : value;
}

const BACKSLASH = 0x5c;
/** The characters that open, close or separate: everything else (numbers, literals, blanks) is passed over. */
const STRUCTURE = /["{}[\],]/g;

/** Whether some object in `text`, which must be valid JSON, has a key twice (compared after unescaping). */
export function hasDuplicateKey(text: string): boolean {
  // One entry per open object (its keys so far) or array (null).
  const open: Array<Set<string> | null> = [];
  let expectKey = false;
  STRUCTURE.lastIndex = 0;
  while (STRUCTURE.test(text)) {
    const at = STRUCTURE.lastIndex - 1;
    const c = text.charAt(at);
    if (c === '"') {
      const end = closingQuote(text, at + 1);
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const written = text.slice(at + 1, end);
        const key = written.includes('\\') ? (JSON.parse(text.slice(at, end + 1)) as string) : written;
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      STRUCTURE.lastIndex = end + 1;
    } else if (c === '{') {
      open.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      open.push(null);
    } else if (c === '}' || c === ']') {
      open.pop();
    } else {
      expectKey = open[open.length - 1] != null;
    }
  }
  return false;
}

/** The quote that ends a string whose text starts at `from`: one not escaped by an odd run of backslashes. */
function closingQuote(text: string, from: number): number {
  let quote = text.indexOf('"', from);
  for (;;) {
    let before = quote - 1;
    while (text.charCodeAt(before) === BACKSLASH) before--;
    if ((quote - 1 - before) % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
}
