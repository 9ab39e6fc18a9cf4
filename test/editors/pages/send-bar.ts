// What every editor page has, as a chat console does: a 发送 button that reads the draft from the editor
// framework's own state (never from the DOM) and shows what it sent. The test reads `window.__sent` and
// `window.__state()`; the agent sees the list under the box.

declare global {
  interface Window {
    /** The framework's own text of the draft (paragraphs / line breaks as "\n"). */
    __state: () => string;
    /** Everything the page's send button sent, in order. */
    __sent: string[];
    /** Set once the editor is mounted and ready for typing. */
    __ready: boolean;
  }
}

export function mountSendBar(title: string, readState: () => string, root: HTMLElement = document.body): void {
  window.__state = readState;
  window.__sent = [];
  const bar = document.createElement('div');
  bar.className = 'send-bar';
  const send = document.createElement('button');
  send.className = 'send';
  send.type = 'button';
  send.textContent = '发送';
  const sent = document.createElement('ol');
  sent.id = 'sent';
  send.addEventListener('click', () => {
    const text = readState();
    window.__sent.push(text);
    const item = document.createElement('li');
    item.textContent = text;
    sent.appendChild(item);
  });
  bar.append(send, sent);
  root.appendChild(bar);
  document.title = `${title} — 编辑器测试页`;
  window.__ready = true;
}

/** The page's heading and the element the editor mounts into. */
export function editorMount(title: string): HTMLElement {
  const heading = document.createElement('h1');
  heading.textContent = title;
  const mount = document.createElement('div');
  mount.className = 'editor-mount';
  document.body.append(heading, mount);
  return mount;
}
