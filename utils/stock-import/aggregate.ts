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
  for (const row of rows) aggregate.add(row);
  return aggregate.records();
}

/** aggregateRows one row at a time, for a table read in pieces. */
export function recordAggregator(): { add: (row: StockRow) => void; records: () => StockRecord[] } {
  const byCode = new Map<string, StockRecord>();
  const add = (row: StockRow): void => {
    let record = byCode.get(row.code);
    if (!record) {
      // A prototype-less object: a warehouse named "__proto__" is just a key.
      record = { code: row.code, available: 0, warehouses: Object.create(null) as Record<string, number> };
      if (row.skuCode) record.skuCode = row.skuCode;
      if (row.outerCode) record.outerCode = row.outerCode;
      if (row.name) record.name = row.name;
      if (row.spec) record.spec = row.spec;
      byCode.set(row.code, record);
    } else {
      if (!record.skuCode && row.skuCode) record.skuCode = row.skuCode;
      if (!record.outerCode && row.outerCode) record.outerCode = row.outerCode;
      if (!record.name && row.name) record.name = row.name;
      if (!record.spec && row.spec) record.spec = row.spec;
    }
    record.warehouses[row.warehouse] = row.available;
  };
  const records = (): StockRecord[] => {
    const all = [...byCode.values()];
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
