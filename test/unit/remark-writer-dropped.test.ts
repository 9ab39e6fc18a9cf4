import { describe, expect, it, vi } from 'vitest';
import { PageParts } from '@/utils/adapters/page-parts';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';

/**
 * The worker, as the writer talks to it: the remark is recorded as pending, then, when the writer settles it, found
 * dropped meanwhile (it waited past the hour a pending remark is kept). The subject, the writer, runs for real on the
 * demo console's order list and remark editor.
 */
const sent: { type: string }[] = [];
vi.mock('@/utils/messaging/send-to-worker', () => ({
  sendToWorker: async (request: { type: string }) => {
    sent.push(request);
    return request.type === 'remarks.settle' ? null : undefined;
  },
}));
const { writeRemark } = await import('@/entrypoints/console.content/features/order-care/remark-writer');

const ordersPage = demoConsoleAdapter.pages.find((page) => page.kind === 'orders')!;
const ORDER = '3021456789012345';

function ordersWithEditor(): void {
  document.body.innerHTML = `<div class="trade-card"><span class="trade-no">订单号：${ORDER}</span>
    <span class="memo-text">[催发货] 客户急用 /工号7</span><button class="memo-edit">备注</button></div>
    <div class="memo-dialog"><span class="memo-dialog-order">订单 ${ORDER}</span>
      ${[0, 1, 2, 3, 4, 5].map((flag) => `<label><input type="radio" name="memo-flag" value="${flag}"${flag === 2 ? ' checked' : ''}>${flag}</label>`).join('')}
      <textarea class="memo-input">[催发货] 客户急用 /工号7</textarea><button class="memo-save">保存</button></div>`;
}

describe('a remark written into the editor but dropped by the worker meanwhile', () => {
  it('puts the editor back as it was: its text and its flag', async () => {
    ordersWithEditor();
    const parts = new PageParts(ordersPage as any) as any;
    const container = document.querySelector('.trade-card')!;
    const existing = '[催发货] 客户急用 /工号7';
    const line = '[改地址] 新地址：北京市朝阳区某路 1 号 /工号7';
    const result = await writeRemark(
      parts,
      { container, orderId: ORDER },
      { flag: 4, reason: '改地址', text: `${existing}\n${line}`, line, existing },
      { saveWithoutAsking: false, remarkJoin: 'newline', maxLength: 500, isCurrent: () => true },
    );
    expect(result.ok).toBe(false);
    expect(sent.map((request) => request.type)).toEqual(['remarks.begin', 'remarks.settle']);
    expect(document.querySelector<HTMLTextAreaElement>('textarea.memo-input')!.value).toBe(existing);
    const checked = [...document.querySelectorAll<HTMLInputElement>('input[name="memo-flag"]')].filter((radio) => radio.checked);
    expect(checked.map((radio) => radio.value)).toEqual(['2']);
  });
});
