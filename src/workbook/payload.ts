// Office.js sends a batch as one request, and Excel on the web refuses a request over 5 MB
// (RequestPayloadSizeLimitExceeded; learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-
// and-performance-optimization, "Excel add-ins"). Large writes (汇总, a batch import) are split into
// chunks measured by their serialised size, each synced on its own: the number of syncs grows with
// the payload (one per ~4 MB), never with the number of rows. Every other error code passes through.
import { ledgerError } from '../ledger/errors';
import { LedgerStoreError } from '../ledger/store';
import type { ExcelRunner } from './excelSelect';

/** Bytes per chunk: under the 5 MB cap with room for the batch's other commands and JSON framing. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** A row's size in the request: its JSON, UTF-8 encoded (Chinese text is 3 bytes a character). */
export function payloadBytes(row: readonly unknown[]): number {
  return encoder.encode(JSON.stringify(row)).length + 1;
}

/** Consecutive slices of `rows` of at most `budget` bytes each (a single larger row alone). Linear. */
export function chunkRows<T extends readonly unknown[]>(rows: readonly T[], budget = PAYLOAD_BUDGET): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    const bytes = payloadBytes(row);
    if (current.length > 0 && size + bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The rows queued in one request so far, across tables (the measures and their 变更记录 lines
 * share a batch): addRows queues rows and syncs first whenever the next row would take the batch
 * over the budget.
 */
export class PayloadBatch {
  private size = 0;
  constructor(
    private readonly context: { sync(): Promise<void> },
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  async addRows<T extends readonly unknown[]>(rows: readonly T[], add: (chunk: T[]) => void): Promise<void> {
    let chunk: T[] = [];
    for (const row of rows) {
      const bytes = payloadBytes(row);
      if (this.size > 0 && this.size + bytes > this.budget) {
        if (chunk.length > 0) add(chunk);
        chunk = [];
        await this.context.sync();
        this.size = 0;
      }
      chunk.push(row);
      this.size += bytes;
    }
    if (chunk.length > 0) add(chunk);
  }
}

export function isPayloadTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Excel.run whose RequestPayloadSizeLimitExceeded becomes the catalogue's Chinese message (a cell or
 * a row too large to send even alone); the store hands this runner to every action.
 */
export function payloadGuarded(excel: ExcelRunner): ExcelRunner {
  const explain = (error: unknown): never => {
    if (isPayloadTooLarge(error)) throw new LedgerStoreError(ledgerError('payloadTooLarge'));
    throw error;
  };
  const run = (...args: unknown[]): Promise<unknown> => (excel.run as (...a: unknown[]) => Promise<unknown>)(...args).catch(explain);
  return { run: run as ExcelRunner['run'] };
}
