/** The most codes one lookup may ask for (a page of 2,000 rows asks in one go). */
export const MAX_LOOKUP_CODES = 5_000;
