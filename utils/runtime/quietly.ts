/**
 * Runs `work` and ignores its failure (thrown or rejected): for calls whose failure only means nobody is there any
 * more — cleanup after the extension context is gone (its APIs throw then), a message nobody listens to.
 */
export async function quietly(work: () => unknown): Promise<void> {
  try {
    await work();
  } catch {
    // Nothing to tell: the other side, or this copy of the extension, is gone.
  }
}
