/**
 * Why an import committed nothing, when the reason is not the file: the agent is told what happened and what to do,
 * and the stock stays as it was (the commit is one transaction).
 */

/** The source was changed after this import's preview (another tab's import, a sync, a restore). */
export class SourceChangedSincePreview extends Error {
  constructor(readonly sourceName: string) {
    super(`「${sourceName}」的库存在预览之后已被另一次导入更新，本次未导入`);
    this.name = 'SourceChangedSincePreview';
  }
}

/** The browser refused the write: the storage quota of the extension (or the disk) is full. */
export class StorageFull extends Error {
  constructor() {
    super('浏览器存储空间不足，库存未改动');
    this.name = 'StorageFull';
  }
}

/** True when `error` (a request's, a transaction's) is the browser's "quota exceeded". */
export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}
