/** Upload limits of the registry importer (issue 3). Every limit refuses the whole file with a message naming it. */
export type ReadLimits = {
  /** File size in bytes (default 200 MB). */
  maxFileBytes: number;
  /** Data rows (default 2,000,000). */
  maxRows: number;
  /** Columns in any row (default 500). */
  maxColumns: number;
  /** Characters in one cell (default 10,000). */
  maxCellChars: number;
  /** XLSX: total uncompressed size of all zip entries (default 1 GB). */
  maxUncompressedBytes: number;
  /** XLSX: uncompressed/compressed ratio of one entry of 1 MB or more (default 100). */
  maxCompressionRatio: number;
};

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  maxFileBytes: 200 * MB,
  maxRows: 2_000_000,
  maxColumns: 500,
  maxCellChars: 10_000,
  maxUncompressedBytes: 1024 * MB,
  maxCompressionRatio: 100,
};

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...limits };
}

/** "200 MB", "1 GB", "512 KB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * MB && n % (1024 * MB) === 0) return `${n / (1024 * MB)} GB`;
  if (n >= MB) return `${Math.round((n / MB) * 10) / 10} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}
