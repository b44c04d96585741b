// Helpers shared by this folder's tests (not exported from index.ts).

/** A structural dump: one line per node with its type and text, so split or merged text nodes show up. */
export function dumpNodes(node: Node, depth = 0): string {
  const pad = '  '.repeat(depth);
  let line: string;
  if (node.nodeType === 3) line = `${pad}#text ${JSON.stringify((node as Text).data)}`;
  else if (node.nodeType === 8) line = `${pad}#comment ${JSON.stringify((node as Comment).data)}`;
  else if (node.nodeType === 1) {
    const el = node as Element;
    const attrs = Array.from(el.attributes, (a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
    line = `${pad}<${el.localName}${attrs}>`;
  } else line = `${pad}#${node.nodeName}`;
  return [line, ...Array.from(node.childNodes, (child) => dumpNodes(child, depth + 1))].join('\n');
}

/** A range over the first occurrence of `exact` in root's text, found without the code under test. */
export function rangeOfText(root: Element, exact: string, occurrence = 0): Range {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const text = nodes.map((n) => n.data).join('');
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`text not found: ${exact}`);
  const end = start + exact.length;
  const range = doc.createRange();
  let offset = 0;
  for (const node of nodes) {
    const len = node.data.length;
    if (start >= offset && start < offset + len) range.setStart(node, start - offset);
    if (end > offset && end <= offset + len) range.setEnd(node, end - offset);
    offset += len;
  }
  return range;
}

/** Wraps approx-string-match's search so a test can count its calls (used from a vi.mock factory). */
export function countingSearch<F extends (...args: never[]) => unknown>(search: F, counter: { calls: number }): F {
  return ((...args: Parameters<F>) => {
    counter.calls++;
    return search(...args);
  }) as F;
}

/** Verbs and objects of the generated lists in the batch and scenario tests: a sibling one number away every 12 items. */
export const SAMPLE_VERBS = ['Ratify', 'Adopt', 'Strengthen', 'Ensure', 'Consider', 'Establish'];
export const SAMPLE_OBJECTS = [
  'the Optional Protocol to the Convention against Torture',
  'a national action plan on business and human rights',
  'the independence of the national human rights institution',
  'access to inclusive education for children with disabilities',
];
