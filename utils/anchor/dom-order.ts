// Document-order steps over a subtree, written out rather than taken from TreeWalker so that ranges are
// walked node by node from their start, and whole subtrees we must not touch can be stepped over.

// Numeric copies of the DOM constants: this module must also load where `Node` is not a global.
export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;
export const SHOW_TEXT = 0x4;
export const DOCUMENT_POSITION_FOLLOWING = 0x04;
export const DOCUMENT_POSITION_CONTAINED_BY = 0x10;

export function isText(node: Node | null | undefined): node is Text {
  return node?.nodeType === TEXT_NODE;
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

/** The first node after node's subtree, staying inside root. */
export function nextSkippingChildren(node: Node, root: Node): Node | null {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/** Pre-order successor inside root. */
export function nextInOrder(node: Node, root: Node): Node | null {
  return node.firstChild ?? nextSkippingChildren(node, root);
}
