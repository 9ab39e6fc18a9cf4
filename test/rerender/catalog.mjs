// The products of the re-rendering test pages (test/rerender/pages) and the stock file the tests import for them:
// one formula, so a test knows what every row's badge must say without asking the page.

/** Products 1 … STOCKED are in the stock file; the rest are not (their badge says 无记录). */
export const PRODUCTS = 100_000;
export const STOCKED = 90_000;

export const codeOf = (i) => `RR-${String(i).padStart(6, '0')}`;
export const productOf = (code) => Number(/^RR-(\d{6})$/.exec(code)?.[1] ?? NaN);
export const titleOf = (i) => `测试商品 ${i} 号 秋冬款`;
/** Real available stock: differs from row to row, so a badge left over from another product shows the wrong number. */
export const availableOf = (i) => (i * 37) % 211;
/** What the page itself shows: every fifth product more than the warehouse has (a mismatch badge). */
export const pageStockOf = (i) => availableOf(i) + (i % 5 === 0 ? 4 : 0);

/** The badge text Xiaoer must show for a product. */
export const badgeTextOf = (i) => (i >= 1 && i <= STOCKED ? `实 ${availableOf(i)}` : '无记录');

/** The ERP export for products 1 … STOCKED (UTF-8 CSV, one SKU each). */
export function stockCsv() {
  const lines = ['商品编码,商品名称,规格编码,仓库,可用库存'];
  for (let i = 1; i <= STOCKED; i++) lines.push(`${codeOf(i)},${titleOf(i)},${codeOf(i)}-A,主仓,${availableOf(i)}`);
  return lines.join('\n') + '\n';
}
