import type { PageParts } from '@/utils/adapters/page-parts';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { waitFor } from '@/utils/runtime/retry';
import { insertIntoReplyBox } from '@/utils/snippets/insert-text';
import { copyToClipboard } from '@/utils/snippets/insert/clipboard';
import { appendRemark, type RemarkJoin } from '@/utils/orders/remark-format';
import { newId } from '@/utils/new-id';
import { settle, THIS_SCRIPT } from './pending-remarks';

/** The pages order care runs on: the order list, and the chat with its order card. */
export type OrderPageParts = PageParts<'orders' | 'chat'>;

/** The order a remark is for: its row (or card) on the page, and the id it showed when the composer opened. */
export interface RemarkTarget {
  container: Element;
  orderId: string;
}

/** A remark as the composer made it: the flag colour, the reason, the editor's whole new text, and its parts. */
export interface ComposedRemark {
  flag: number;
  reason: string;
  /** What the composer showed: `existing` with `line` added. */
  text: string;
  /** The new standard line. */
  line: string;
  /** The order's remark as the composer read it from the page. */
  existing: string;
}

/** Whether the adapter knows this console's remark editor; when not, the composer copies the remark instead. */
export const knowsRemarkEditor = (parts: OrderPageParts) => parts.has('remarkDialog') || parts.has('remarkEdit');

/** How long to wait for the page's remark editor to open after pressing its button. */
const EDITOR_WAIT = { timeoutMs: 3000, delayMs: 50 };

/**
 * Writes a composed remark into the page's remark editor — only if that editor belongs to the order the composer
 * was opened on. A remark on the wrong order ships two orders wrong, so any doubt refuses. Saves it too when the
 * shop said so (`saveWithoutAsking`); else the agent presses the page's save button.
 */
export async function writeRemark(
  parts: OrderPageParts,
  target: RemarkTarget,
  remark: ComposedRemark,
  {
    saveWithoutAsking,
    remarkJoin,
    maxLength,
    isCurrent,
  }: {
    saveWithoutAsking: boolean;
    remarkJoin: RemarkJoin;
    maxLength: number;
    /** False once this script or feature has stopped (the extension updated, the page navigated). */
    isCurrent: () => boolean;
  },
): Promise<{ ok: boolean; message: string }> {
  const bound = target.orderId;
  // The row may have been re-rendered with another order since the composer opened.
  const shown = target.container.isConnected ? parts.value('orderId', target.container) : null;
  if (shown !== bound) return { ok: false, message: t('orderRemarkOrderChanged', [bound, shown ?? '—']) };

  // A console whose remark editor Xiaoer does not know (no public evidence of it): the remark goes on the clipboard,
  // for the agent to paste into that order's editor. Not recorded: nothing was written.
  if (!knowsRemarkEditor(parts)) {
    const copied = await copyToClipboard(remark.text);
    return copied ? { ok: true, message: t('orderRemarkCopied', bound) } : { ok: false, message: t('orderRemarkNoEditor') };
  }

  let dialog = parts.first('remarkDialog');
  if (!dialog) {
    (parts.first('remarkEdit', target.container) as HTMLElement | null)?.click();
    dialog = await waitFor(() => parts.first('remarkDialog'), EDITOR_WAIT);
    if (!dialog) return { ok: false, message: t('orderRemarkNoEditor') };
  }
  const editorOrder = parts.value('remarkDialogOrderId', dialog);
  if (editorOrder !== bound) return { ok: false, message: t('orderRemarkWrongOrder', [editorOrder ?? '—', bound]) };

  const input = parts.first('remarkInput', dialog) as HTMLTextAreaElement | null;
  if (!input) return { ok: false, message: t('orderRemarkNoEditor') };
  // The editor may hold a remark the row did not show (a console that keeps it only in its editor, or an edit made
  // meanwhile): it is kept, and the new line goes after it. The agent did not see that result: it is not saved for them.
  const inEditor = input.value;
  const editorHadMore = inEditor.trim() !== '' && inEditor.trim() !== remark.existing.trim();
  let text = remark.text;
  if (editorHadMore) {
    const merged = appendRemark(inEditor, remark.line, maxLength, remarkJoin);
    if (merged.truncated) return { ok: false, message: t('orderRemarkEditorTooLong', [String(merged.text.length), String(maxLength)]) };
    text = merged.text;
  }

  // Recorded as pending before the editor is touched: this script may be gone the moment after it wrote the editor
  // (Firefox unloads it at once on an update), and then the tab's next script settles it from what the editor holds.
  const id = newId('r');
  try {
    await sendToWorker({ type: 'remarks.begin', id, writer: THIS_SCRIPT, orderId: bound, text, flag: remark.flag, reason: remark.reason });
  } catch {
    return { ok: false, message: t('orderRemarkNotRecorded') };
  }
  // Meanwhile the extension may have been updated (the next script reads this editor to settle the remark: it must
  // not change after that), or the editor changed under us: then nothing is written, and the remark is dropped.
  if (!isCurrent() || !dialog.isConnected || input.value !== inEditor || parts.value('remarkDialogOrderId', dialog) !== bound) {
    await settle(id, false).catch(() => {});
    return { ok: false, message: t('orderRemarkNotRecorded') };
  }
  // Flag and text in one task, as typing would (the page registers it): no script change can fall between them.
  const flagOptions = parts.all('remarkFlagOption', dialog) as HTMLElement[];
  const flagBefore = flagOptions.find(isChosen);
  flagOptions.find((option) => parts.valueOf('remarkFlagOption', option) === String(remark.flag))?.click();
  insertIntoReplyBox(input, text, { start: 0, end: input.value.length });
  const taken = input.value === text;
  let recorded: boolean;
  try {
    recorded = !!(await settle(id, taken));
  } catch {
    // Left pending: the editor holds it, and the tab's next script (or the worker, after an hour) settles it.
    return { ok: false, message: t('orderRemarkUnconfirmed') };
  }
  if (!taken) return { ok: false, message: t('orderRemarkNotTaken') };
  if (!recorded) {
    // Dropped meanwhile (too old): the history does not hold it, so the editor does not either — its text and flag
    // as they were.
    insertIntoReplyBox(input, inEditor, { start: 0, end: input.value.length });
    if (flagBefore && !isChosen(flagBefore)) flagBefore.click();
    return { ok: false, message: t('orderRemarkNotRecorded') };
  }
  if (editorHadMore) return { ok: true, message: t('orderRemarkMergedEditor', String(inEditor.trim().length)) };
  const save = parts.first('remarkSave', dialog) as HTMLElement | null;
  if (saveWithoutAsking && save) {
    save.click();
    return { ok: true, message: t('orderRemarkSaved', bound) };
  }
  return { ok: true, message: t('orderRemarkFilled', bound) };
}

/** The flag option the editor has chosen: a checked radio, or an element marked checked for assistive tech. */
function isChosen(option: Element): boolean {
  return (option instanceof HTMLInputElement && option.checked) || option.getAttribute('aria-checked') === 'true';
}
