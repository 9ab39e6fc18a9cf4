/**
 * Tells the echoes of a page's own settings writes from changes made elsewhere. storage.onChanged reports every write,
 * ours included, and may report it after the write's promise resolved (Firefox does): an echo of an earlier
 * keystroke arriving after a later one was typed would reset the field. Each write is remembered until its echo
 * comes back; an echo also settles the writes made before it, whose own echoes were folded into it or are older.
 */
export class OwnWrites {
  private readonly pending: string[] = [];

  constructor(private readonly key: (value: unknown) => string = (value) => JSON.stringify(value)) {}

  /** Call before writing `value`. */
  wrote(value: unknown): void {
    this.pending.push(this.key(value));
  }

  /** True when `value` is the echo of one of our writes (then it is forgotten); false for a change from elsewhere. */
  isEcho(value: unknown): boolean {
    const index = this.pending.indexOf(this.key(value));
    if (index < 0) return false;
    this.pending.splice(0, index + 1);
    return true;
  }

  /** A write that failed sends no echo. */
  failed(value: unknown): void {
    const index = this.pending.indexOf(this.key(value));
    if (index >= 0) this.pending.splice(index, 1);
  }
}
