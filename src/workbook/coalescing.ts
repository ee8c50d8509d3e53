// One read of the workbook at a time for the watchers of the shared runtime (节假日, date system):
// events that arrive while a read runs cost one more read after it, not one each.

/**
 * Runs `task` now, or once more after the run under way when called during it: edits in quick
 * succession cost at most one extra read, and reads never overlap or land out of order.
 */
export function coalescing(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
