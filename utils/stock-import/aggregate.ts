/**
 * Folds per-warehouse stock rows into one record per code, and indexes the
 * records by every code an agent may see on a shop page.
 */
import type { StockRow } from './rows';

export interface StockRecord {
  code: string;
  skuCode?: string;
  outerCode?: string;
  name?: string;
  spec?: string;
  /** Sum over `warehouses`. */
  available: number;
  /** Warehouse name → available quantity there. */
  warehouses: Record<string, number>;
}

/**
 * One record per code; each warehouse is kept apart and `available` is their sum.
 * The same code + warehouse appearing twice is a broken export in every ERP
 * we know (it is not a "add these" signal), so the later row wins, like an
 * update: summing would silently double the stock shown to customers.
 * Name/spec/codes are taken from the first row that has them.
 */
export function aggregateRows(rows: StockRow[]): StockRecord[] {
  const aggregate = recordAggregator();
  rows.forEach((row, index) => aggregate.add(row, index + 1));
  return aggregate.records();
}

export interface RecordAggregator {
  /** Folds the row (of physical line `line`) into its record; answers the line that code + warehouse came on before, if any. */
  add: (row: StockRow, line: number) => number | undefined;
  records: () => StockRecord[];
}

/**
 * aggregateRows one row at a time, for a table read in pieces. It also answers whether a code + warehouse came before
 * (the check's duplicate error names that line): one map lookup per row, and no object per code beyond its record —
 * a 1,000,000-row export holds ~740,000 codes, each a record kept until the commit.
 */
export function recordAggregator(): RecordAggregator {
  // code → its record's position in `all`; by position, the first warehouse's line and the second warehouse with its
  // line (no object per code: a third of an export's codes are in two warehouses).
  const byCode = new Map<string, number>();
  const all: StockRecord[] = [];
  const firstLines: number[] = [];
  const secondWarehouses: (string | undefined)[] = [];
  const secondLines: number[] = [];
  // The lines of a code's further warehouses, keyed `position\nwarehouse` (a position has no line break).
  const laterLines = new Map<string, number>();
  // An export lists a SKU's warehouses on consecutive rows: the same code as the row before needs no lookup.
  let lastCode: string | undefined;
  let lastAt = 0;
  const add = (row: StockRow, line: number): number | undefined => {
    const at = row.code === lastCode ? lastAt : byCode.get(row.code);
    lastCode = row.code;
    if (at === undefined) {
      const record: StockRecord = { code: row.code, available: 0, warehouses: newWarehouses() };
      if (row.skuCode) record.skuCode = row.skuCode;
      if (row.outerCode) record.outerCode = row.outerCode;
      if (row.name) record.name = row.name;
      if (row.spec) record.spec = row.spec;
      setWarehouse(record.warehouses, row.warehouse, row.available);
      lastAt = all.length;
      byCode.set(row.code, lastAt);
      all.push(record);
      firstLines.push(line);
      secondWarehouses.push(undefined);
      secondLines.push(0);
      return undefined;
    }
    lastAt = at;
    const record = all[at]!;
    if (!record.skuCode && row.skuCode) record.skuCode = row.skuCode;
    if (!record.outerCode && row.outerCode) record.outerCode = row.outerCode;
    if (!record.name && row.name) record.name = row.name;
    if (!record.spec && row.spec) record.spec = row.spec;
    let earlier: number | undefined;
    if (Object.hasOwn(record.warehouses, row.warehouse)) {
      earlier = row.warehouse === secondWarehouses[at] ? secondLines[at] : (laterLines.get(`${at}\n${row.warehouse}`) ?? firstLines[at]);
    } else if (secondWarehouses[at] === undefined) {
      secondWarehouses[at] = row.warehouse;
      secondLines[at] = line;
    } else laterLines.set(`${at}\n${row.warehouse}`, line);
    setWarehouse(record.warehouses, row.warehouse, row.available);
    return earlier;
  };
  const records = (): StockRecord[] => {
    for (const record of all) {
      let available = 0;
      for (const warehouse in record.warehouses) available += record.warehouses[warehouse]!;
      record.available = available;
    }
    return all;
  };
  return { add, records };
}

/**
 * A record's warehouses: an ordinary object, which V8 keeps compact and fast while records share their warehouse
 * names (one created without a prototype is a slow dictionary, ~130 bytes more per record); the one name that is not
 * an ordinary key, __proto__, is defined as data.
 */
const newWarehouses = (): Record<string, number> => ({});
function setWarehouse(warehouses: Record<string, number>, warehouse: string, available: number): void {
  if (warehouse === '__proto__') Object.defineProperty(warehouses, warehouse, { value: available, enumerable: true, writable: true, configurable: true });
  else warehouses[warehouse] = available;
}

/**
 * Looks records up by SKU code and by outer (item) code. The item list page
 * shows items, not SKUs, so an outer code shared by several SKU records maps
 * to a synthetic record summing them (in total and per warehouse).
 * A record's own code always takes precedence over an outer-code sum with
 * the same text (e.g. an item-level row exported next to its SKUs).
 */
export function indexByCodes(records: StockRecord[]): Map<string, StockRecord> {
  const index = new Map<string, StockRecord>();
  const byOuterCode = new Map<string, StockRecord[]>();
  for (const record of records) {
    index.set(record.code, record);
    if (record.skuCode) index.set(record.skuCode, record);
    if (record.outerCode) {
      const group = byOuterCode.get(record.outerCode);
      if (group) group.push(record);
      else byOuterCode.set(record.outerCode, [record]);
    }
  }
  for (const [outerCode, group] of byOuterCode) {
    if (index.has(outerCode)) continue;
    index.set(outerCode, group.length === 1 ? group[0]! : sumRecords(outerCode, group));
  }
  return index;
}

function sumRecords(outerCode: string, group: StockRecord[]): StockRecord {
  const warehouses = new Map<string, number>();
  let available = 0;
  for (const record of group) {
    available += record.available;
    for (const [warehouse, quantity] of Object.entries(record.warehouses)) {
      warehouses.set(warehouse, (warehouses.get(warehouse) ?? 0) + quantity);
    }
  }
  const name = group.find((record) => record.name)?.name;
  return withoutUndefined({ code: outerCode, outerCode, name, available, warehouses: Object.fromEntries(warehouses) });
}

/** Drops keys whose value is undefined, so records compare and store cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
