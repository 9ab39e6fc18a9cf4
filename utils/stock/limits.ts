/** The most codes one lookup may ask for (a page of 2,000 rows asks in one go). */
export const MAX_LOOKUP_CODES = 5_000;

/** The longest code a lookup takes; a longer one on a page is left out there (findStockTargets), never sent. */
export const MAX_CODE_LENGTH = 100;

/** The longest values a stored stock record holds (the import refuses a longer one, naming its line; a backup checks the same). */
export const STOCK_RECORD_MAX = { code: 200, warehouse: 100, name: 500, spec: 500 } as const;
