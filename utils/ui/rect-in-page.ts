/**
 * An element's box in the top page's viewport: inside a same-origin iframe its own rect is in the frame's viewport,
 * so each frame's position (and border) is added. Our panels are drawn in the top document.
 */
export function rectInPage(element: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  let left = rect.left;
  let top = rect.top;
  let view = element.ownerDocument.defaultView;
  while (view && view !== window) {
    const frame = view.frameElement;
    if (!frame) break;
    const outer = frame.getBoundingClientRect();
    left += outer.left + frame.clientLeft;
    top += outer.top + frame.clientTop;
    view = view.parent as typeof view;
  }
  return new DOMRect(left, top, rect.width, rect.height);
}
