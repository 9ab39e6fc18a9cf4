// A React 19 item table re-rendered every second by a countdown, as consoles draw a promotion's time left. The
// list is ordered by the time left, so at each tick one product moves from the top to the end: with keyed rows
// (`?keys=code`, the default) React moves that row; with rows keyed by index (`?keys=index`) every row keeps its
// element and React rewrites its text to the next product — each cell with one text child gets its text set, which
// takes out anything else inside it (Xiaoer's badge). ?rows=N (default 20), ?first=N (first product), ?every=ms.
// ?cells=taobao: the stock cell as Taobao's 出售中的宝贝 draws it (test/fixtures/consoles/taobao-seller-items.html,
// `td > div.quantity-item-label > span.quantity` and the edit icon): the number in a span of its own inside the cell.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { cellsOf } from './row.js';
import { watchBadges } from './badge-watch.js';

const params = new URLSearchParams(location.search);
const ROWS = Number(params.get('rows') ?? 20);
const FIRST = Number(params.get('first') ?? 1);
const EVERY = Number(params.get('every') ?? 1000);
const KEYED = params.get('keys') !== 'index';
const TAOBAO_CELLS = params.get('cells') === 'taobao';

/** The stock cell: its text straight in the cell, or Taobao's number in a span beside an edit icon. */
const stockCell = (stock) =>
  TAOBAO_CELLS ? (
    <td className="stock-cell">
      <div className="quantity-item-label">
        <span className="stock-num">{stock}</span>
        <i className="next-icon next-icon-edit" />
      </div>
    </td>
  ) : (
    <td className="stock-num">{stock}</td>
  );

function ItemTable() {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), EVERY);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    window.__pageTicks = tick;
  }, [tick]);
  const products = Array.from({ length: ROWS }, (_, k) => FIRST + ((k + tick) % ROWS));
  return (
    <table className="item-table">
      <tbody>
        {products.map((i, k) => {
          const cells = cellsOf(i);
          return (
            <tr className="next-table-row" key={KEYED ? i : k}>
              <td className="item-id">{cells.id}</td>
              <td className="item-title">{cells.title}</td>
              <td className="outer-code">{cells.code}</td>
              {stockCell(cells.stock)}
              <td className="countdown">{`剩余 ${59 - ((tick + k) % 60)} 秒`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

watchBadges();
createRoot(document.getElementById('app')).render(<ItemTable />);
