// One item row's cells as the demo console's item list lays them out (the demo adapter reads these classes).
import { codeOf, pageStockOf, titleOf } from '../catalog.mjs';

export const cellsOf = (i) => ({
  id: `ID ${100000 + i}`,
  title: titleOf(i),
  code: `商家编码：${codeOf(i)}`,
  stock: String(pageStockOf(i)),
});
