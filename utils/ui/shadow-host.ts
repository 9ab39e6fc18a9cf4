/**
 * An element of ours on a page we do not own: a custom-named host (ignored by the page observer, see
 * XIAOER_TAG_PREFIX) with an open shadow root holding our style and a container, so page CSS cannot restyle it
 * and ours cannot leak. Not yet attached: the caller decides where it goes.
 */
export function createShadowHost(tag: `xiaoer-${string}`, css: string): { host: HTMLElement; shadow: ShadowRoot; container: HTMLDivElement } {
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);
  return { host, shadow, container };
}
