// Maps a DOM selection inside a rendered example back to offsets in the example text.
// Every piece of text is rendered in an element carrying `data-begin` (its offset in the
// example); entity labels and remove buttons carry `data-skip`, so their letters never count.

function pieceOf(node: Node | null, root: Element): HTMLElement | null {
  let at: Node | null = node;
  while (at && at !== root) {
    if (at instanceof HTMLElement && at.dataset.begin !== undefined) return at;
    at = at.parentNode;
  }
  return null;
}

function skipped(node: Node | null, root: Element): HTMLElement | null {
  let at: Node | null = node;
  while (at && at !== root) {
    if (at instanceof HTMLElement && at.dataset.skip !== undefined) return at;
    at = at.parentNode;
  }
  return null;
}

function endOf(piece: HTMLElement): number {
  return Number(piece.dataset.begin) + (piece.textContent ?? '').length;
}

function piecesIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-begin]')];
}

/** The text offset of a DOM point (a node and an offset in it) inside `root`. */
export function pointToOffset(root: Element, node: Node, offset: number): number {
  const skip = skipped(node, root);
  if (skip) {
    // A point on a label or button counts as the end of the tag it belongs to.
    const tagged = [...(skip.parentElement?.querySelectorAll<HTMLElement>('[data-begin]') ?? [])];
    const last = tagged.at(-1);
    return last ? endOf(last) : 0;
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = pieceOf(node, root);
    if (piece) return Number(piece.dataset.begin) + offset;
  }
  // An element point: the boundary before its child number `offset`.
  const all = piecesIn(root);
  const child = node.childNodes[offset];
  if (child) {
    const after = all.find(
      (piece) =>
        child === piece ||
        child.contains(piece) ||
        (child.compareDocumentPosition(piece) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    if (after) return Number(after.dataset.begin);
  }
  const before = all.filter(
    (piece) =>
      node === piece ||
      node.contains(piece) ||
      (node.compareDocumentPosition(piece) & Node.DOCUMENT_POSITION_PRECEDING) !== 0,
  );
  const last = before.at(-1);
  return last ? endOf(last) : 0;
}

/** The current selection's range inside `root`, or null when it is empty or elsewhere. */
export function selectionOffsets(root: Element): { begin: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const begin = pointToOffset(root, range.startContainer, range.startOffset);
  const end = pointToOffset(root, range.endContainer, range.endOffset);
  return begin <= end ? { begin, end } : { begin: end, end: begin };
}
