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
  const byCode = new Map<string, { record: StockRecord; warehouses: Map<string, number> }>();
  for (const row of rows) {
    let entry = byCode.get(row.code);
    if (!entry) {
      entry = { record: { code: row.code, available: 0, warehouses: {} }, warehouses: new Map() };
      byCode.set(row.code, entry);
    }
    const { record } = entry;
    record.skuCode ??= row.skuCode;
    record.outerCode ??= row.outerCode;
    record.name ??= row.name;
    record.spec ??= row.spec;
    entry.warehouses.set(row.warehouse, row.available);
  }

  const records: StockRecord[] = [];
  for (const { record, warehouses } of byCode.values()) {
    let available = 0;
    for (const quantity of warehouses.values()) available += quantity;
    record.available = available;
    // fromEntries defines own properties, so a warehouse named "__proto__" is safe.
    record.warehouses = Object.fromEntries(warehouses);
    records.push(withoutUndefined(record));
  }
  return records;
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
