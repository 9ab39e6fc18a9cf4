/**
 * Maps the header row of an ERP stock export to the fields Xiaoer needs.
 * Synonyms live in one table so a new ERP's wording is a one-line change.
 */

export const STOCK_FIELDS = ['skuCode', 'outerCode', 'name', 'spec', 'warehouse', 'actual', 'available', 'locked'] as const;
export type StockField = (typeof STOCK_FIELDS)[number];
/** Field → column index in the header row. */
export type ColumnMapping = Partial<Record<StockField, number>>;

/**
 * Header synonyms per field, most specific first (earlier wins when two
 * columns compete for a field). Written as people type them; they go through
 * the same normalisation as the headers.
 */
const SYNONYMS: Record<StockField, readonly string[]> = {
  skuCode: [
    '规格编码', 'SKU编码', '规格商家编码', '子商品编码', 'SKU', 'SKU码', '商家SKU编码', '规格编号',
    'sku_code', 'sku_id', 'outer_sku_id', 'sku_no',
    // Last resort: in 聚水潭 exports 商品编码 is the SKU code (款式编码 is the item).
    '商品编码',
  ],
  outerCode: [
    '商家编码', '商品编码', '款式编码', '货号', '外部编码', '商品货号', '商品编号', '款号',
    'outer_id', 'item_code', 'goods_no', 'goods_code', 'product_code', 'code',
  ],
  name: ['商品名称', '名称', '品名', '宝贝名称', '商品标题', 'name', 'title', 'goods_name', 'product_name', 'item_name'],
  spec: ['颜色及规格', '规格', '规格名称', '销售属性', '规格属性', 'spec', 'sku_name', 'properties'],
  warehouse: ['仓库', '仓库名称', '发货仓', '仓库名', 'warehouse', 'warehouse_name'],
  actual: [
    '实际库存', '实际库存数', '实物库存', '总库存', '库存数量', '库存', '数量', '现有库存', '主仓实际库存',
    'actual', 'stock', 'qty', 'quantity', 'stock_qty',
  ],
  available: [
    '可用库存', '可用库存数', '可用数', '可售库存', '可销售库存', '可发库存', '可用量', '可售数',
    'available', 'available_qty', 'available_stock', 'sellable',
  ],
  locked: ['锁定库存', '订单占有数', '占用库存', '锁定数', '预占库存', '占用数', 'locked', 'locked_qty', 'lock_qty', 'reserved'],
};

/**
 * Barcode columns identify the SKU too, but only stand in for the SKU code
 * when the file has no real SKU code column.
 */
const BARCODE_SYNONYMS: readonly string[] = ['条码', '条形码', '商品条码', '国际条码', '69码', 'barcode', 'ean'];

/** Match strength: exact synonyms beat quantity-suffix-tolerant ones, which beat barcodes. */
const EXACT_MATCH = 3;
const FUZZY_MATCH = 2;
const BARCODE_MATCH = 1;

// Bracketed annotations such as (主仓), （件）, [个], 【仓库】.
const BRACKETED = /[(（[【][^)）\]】]*[)）\]】]/g;
// Spaces, separators and the "required" asterisk some templates add.
const SEPARATORS = /[\s_\-:：*]+/g;
// Tolerated trailing quantity words: 可用库存数量 ≈ 可用库存.
const QUANTITY_SUFFIX = /(数量|数|量)$/;

const BRACKET_CHARS = /[(（)）[\]【】]/g;

export function normalizeHeader(raw: string): string {
  const text = raw.normalize('NFKC').replace(SEPARATORS, '');
  // Drop annotations like 可用库存(件), but keep a header that is all brackets (【可售库存】).
  const withoutNotes = text.replace(BRACKETED, '');
  return (withoutNotes || text.replace(BRACKET_CHARS, '')).toLowerCase();
}

function stem(normalized: string): string {
  return normalized.replace(QUANTITY_SUFFIX, '');
}

interface SynonymEntry {
  field: StockField;
  rank: number; // position in the field's synonym list
}

function addEntry(index: Map<string, SynonymEntry[]>, key: string, entry: SynonymEntry): void {
  const entries = index.get(key) ?? [];
  if (!entries.some((e) => e.field === entry.field)) entries.push(entry);
  index.set(key, entries);
}

const EXACT = new Map<string, SynonymEntry[]>();
const STEMMED = new Map<string, SynonymEntry[]>();
for (const field of STOCK_FIELDS) {
  SYNONYMS[field].forEach((synonym, rank) => {
    const key = normalizeHeader(synonym);
    addEntry(EXACT, key, { field, rank });
    const stemKey = stem(key);
    // An empty stem ('数量' → '') would match anything ending in 数量.
    if (stemKey) addEntry(STEMMED, stemKey, { field, rank });
  });
}
const BARCODES = new Set(BARCODE_SYNONYMS.map(normalizeHeader));

interface Candidate {
  field: StockField;
  column: number;
  strength: number;
  rank: number;
}

// Only the best few columns per field are considered, which bounds the
// assignment search below even for a hostile header with thousands of columns.
const MAX_CANDIDATES_PER_FIELD = 3;

function candidatesFor(header: string[]): Candidate[][] {
  const perField = new Map<StockField, Candidate[]>(STOCK_FIELDS.map((f) => [f, []]));
  header.forEach((cell, column) => {
    const key = normalizeHeader(cell ?? '');
    if (!key) return;
    const exact = EXACT.get(key);
    const fuzzy = exact ? undefined : STEMMED.get(stem(key));
    for (const entry of exact ?? fuzzy ?? []) {
      perField.get(entry.field)!.push({ ...entry, column, strength: exact ? EXACT_MATCH : FUZZY_MATCH });
    }
    if (!exact && !fuzzy && BARCODES.has(key)) {
      perField.get('skuCode')!.push({ field: 'skuCode', rank: 0, column, strength: BARCODE_MATCH });
    }
  });
  return [...perField.values()].map((list) =>
    list
      .sort((a, b) => b.strength - a.strength || a.rank - b.rank || a.column - b.column)
      .slice(0, MAX_CANDIDATES_PER_FIELD),
  );
}

function candidateScore(candidate: Candidate): number {
  return candidate.strength * 100 - candidate.rank;
}

/**
 * Picks, for each field, at most one column (each column used once) so that
 * as many fields as possible are mapped, then the best-matching synonyms win.
 * A synonym may be listed under two fields: 商品编码 is the item code next to
 * 规格编码 (网店管家) but the SKU code next to 款式编码 (聚水潭); maximising
 * the number of mapped fields resolves which reading applies.
 */
export function detectMapping(header: string[]): ColumnMapping {
  const fields = candidatesFor(header);
  const chosen: (Candidate | undefined)[] = [];
  let best: Candidate[] = [];
  let bestScore = -1;
  const usedColumns = new Set<number>();

  const search = (fieldIndex: number, mapped: number, score: number): void => {
    if (fieldIndex === fields.length) {
      const total = mapped * 10_000 + score;
      if (total > bestScore) {
        bestScore = total;
        best = chosen.filter((c): c is Candidate => c !== undefined);
      }
      return;
    }
    for (const candidate of fields[fieldIndex]!) {
      if (usedColumns.has(candidate.column)) continue;
      usedColumns.add(candidate.column);
      chosen[fieldIndex] = candidate;
      search(fieldIndex + 1, mapped + 1, score + candidateScore(candidate));
      usedColumns.delete(candidate.column);
    }
    chosen[fieldIndex] = undefined;
    search(fieldIndex + 1, mapped, score);
  };
  search(0, 0, 0);

  const mapping: ColumnMapping = {};
  for (const candidate of best) mapping[candidate.field] = candidate.column;
  return mapping;
}

/** Reasons the mapping cannot produce stock rows; empty when usable. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (mapping.skuCode === undefined && mapping.outerCode === undefined) {
    problems.push('缺少编码列（规格编码/商家编码）');
  }
  if (mapping.available === undefined && mapping.actual === undefined) {
    problems.push('缺少库存数量列（可用库存/实际库存）');
  }
  return problems;
}

/**
 * Index of the header row: many ERP exports put a title or export date
 * above it. Returns the first of the leading rows whose mapping is usable,
 * or 0 when none is (so the problems can be shown for the first row).
 */
export function findHeaderRow(rows: string[][], maxScan = 20): number {
  const limit = Math.min(rows.length, maxScan);
  for (let i = 0; i < limit; i++) {
    if (mappingProblems(detectMapping(rows[i] ?? [])).length === 0) return i;
  }
  return 0;
}
