// YAML aliases (*name) are checked before the document becomes data: an
// alias to no anchor, an alias inside its own anchor (a loop) and a "billion
// laughs" file whose aliases multiply into millions of values are config
// errors with the line of the alias, not exceptions from the yaml package.
// toJS() shares one object per anchor, but everything after it (zod, the
// JSON body, the bundle) walks the expanded tree, so the expansion is what
// is bounded, counted exactly in one pass over the written nodes.
import { isAlias, isCollection, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import { formatPath, type ConfigProblem } from './config-error.ts';
import { clip } from './redactor.ts';

/** Values that aliases may add to the file as written (far above any real config's shared headers). */
export const MAX_ALIAS_EXPANSION = 100_000;

class AliasProblem extends Error {
  readonly node: Node;
  readonly path: readonly PropertyKey[];

  constructor(node: Node, path: readonly PropertyKey[], message: string) {
    super(message);
    this.node = node;
    this.path = path;
  }
}

interface Walk {
  /** Expanded size of the latest anchor of each name so far; 'open' while inside it. */
  readonly anchors: Map<string, number | 'open'>;
  added: number;
}

/** The first alias problem of the document, or null. */
export function aliasProblem(doc: Document, lc: LineCounter): ConfigProblem | null {
  try {
    if (doc.contents) expandedSize(doc.contents, [], { anchors: new Map(), added: 0 });
    return null;
  } catch (err) {
    if (!(err instanceof AliasProblem)) throw err;
    const line = err.node.range ? lc.linePos(err.node.range[0]).line : undefined;
    return { path: formatPath(err.path), message: err.message, ...(line ? { line } : {}) };
  }
}

function expandedSize(node: unknown, path: readonly PropertyKey[], walk: Walk): number {
  if (isAlias(node)) {
    const size = walk.anchors.get(node.source);
    const name = clip(node.source, 40);
    if (size === undefined) throw new AliasProblem(node, path, `alias *${name} refers to no anchor (an anchor &${name} must come before it)`);
    if (size === 'open') throw new AliasProblem(node, path, `alias *${name} is inside its own anchor &${name} (a loop)`);
    walk.added += size;
    if (walk.added > MAX_ALIAS_EXPANSION) {
      throw new AliasProblem(node, path, `too many alias expansions (limit ${MAX_ALIAS_EXPANSION} values): the file looks like a YAML bomb`);
    }
    return size;
  }
  if (!isCollection(node) && !isScalar(node)) return 1;
  const anchor = node.anchor;
  if (anchor) walk.anchors.set(anchor, 'open');
  let size = 1;
  if (isCollection(node)) {
    node.items.forEach((item: unknown, index: number) => {
      if (isPair(item)) {
        const key = isScalar(item.key) ? String(item.key.value) : index;
        size += expandedSize(item.key, path, walk) + expandedSize(item.value, [...path, key], walk);
      } else {
        size += expandedSize(item, [...path, index], walk);
      }
    });
  }
  if (anchor) walk.anchors.set(anchor, size);
  return size;
}
