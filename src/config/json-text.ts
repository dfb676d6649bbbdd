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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether some object in `text`, which must be valid JSON, has a key twice (compared after unescaping). */
export function hasDuplicateKey(text: string): boolean {
  // One entry per open object (its keys so far) or array (null).
  const open: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      let escaped = false;
      while (text.charCodeAt(end) !== QUOTE) {
        if (text.charCodeAt(end) === BACKSLASH) {
          escaped = true;
          end++;
        }
        end++;
      }
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b) {
      open.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      open.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2c) {
      expectKey = open[open.length - 1] != null;
    }
  }
  return false;
}
