import type { FeatureEnv } from './feature';

/**
 * Calls `attach(doc)` for the page's document and for the document of every same-origin iframe, as frames appear
 * and each time one loads a new document: editors built in an iframe (CKEditor 4, TinyMCE, older consoles) type
 * there, where listeners on the top document hear nothing. Cross-origin frames are left alone (their document is
 * not ours to read).
 */
export function watchFrameDocuments(env: Pick<FeatureEnv, 'onDomChange' | 'signal' | 'guard'>, attach: (doc: Document) => void): void {
  const seen = new WeakSet<Document>();
  const visit = (doc: Document | null | undefined) => {
    if (!doc || seen.has(doc)) return;
    seen.add(doc);
    attach(doc);
  };
  const frames = new WeakSet<HTMLIFrameElement>();
  const watchFrame = (frame: HTMLIFrameElement) => {
    if (frames.has(frame)) return;
    frames.add(frame);
    const read = env.guard(() => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument;
      } catch {
        doc = null;
      }
      visit(doc);
      doc?.querySelectorAll('iframe').forEach(watchFrame);
    });
    read();
    frame.addEventListener('load', read, { signal: env.signal });
  };
  const scan = (root: ParentNode) => root.querySelectorAll('iframe').forEach(watchFrame);
  visit(document);
  scan(document);
  env.onDomChange((added) => {
    for (const element of added) {
      if (element.tagName === 'IFRAME') watchFrame(element as HTMLIFrameElement);
      else scan(element);
    }
  });
}
