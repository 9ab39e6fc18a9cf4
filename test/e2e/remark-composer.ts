import type { Page } from 'puppeteer-core';
import { inShadow } from './console-tabs';

/** Opens Xiaoer's remark composer on the order card of `orderId` (its 写备注 button, once order care drew it). */
export async function openComposer(page: Page, orderId: string) {
  await page.waitForFunction((id) => {
    const c = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id));
    return !!c?.querySelector('xiaoer-order')?.shadowRoot?.querySelector('button[name="compose-remark"]');
  }, { polling: 100 }, orderId);
  await page.evaluate((id) => {
    const c = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id))!;
    (c.querySelector('xiaoer-order')!.shadowRoot!.querySelector('button[name="compose-remark"]') as HTMLButtonElement).click();
  }, orderId);
  await inShadow(page, 'xiaoer-remark-composer', '[data-testid="remark-composer"]');
}
