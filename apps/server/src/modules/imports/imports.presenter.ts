import { REGISTRY_KIND_LABELS, SNAPSHOT_STATUS_LABELS, type ImportJob, type Snapshot, type SnapshotDetail } from '@notoneless/shared';
import { maskIdNumber, maskPhone } from '@notoneless/shared';
import { canonicalHeader, type ColumnKey, type HeaderMapping, type RegistryKind } from './formats/columns';
import type { SnapshotRow } from './imports.repository';
import { columnOptions } from './read-registry';

export function presentSnapshot(s: SnapshotRow, scopeName: string, uploadedByName: string | null): Snapshot {
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: REGISTRY_KIND_LABELS[s.kind],
    scopeKind: s.scopeKind,
    scopeId: s.scopeId,
    scopeName,
    fileName: s.fileName,
    fileHash: s.fileHash,
    sizeBytes: s.sizeBytes,
    encoding: s.encoding,
    status: s.status,
    statusLabel: SNAPSHOT_STATUS_LABELS[s.status],
    rowCount: s.rowCount,
    acceptedCount: s.acceptedCount,
    rejectedCount: s.rejectedCount,
    warningCount: s.warningCount,
    uploadedByName,
    uploadedAt: s.uploadedAt.toISOString(),
    committedAt: s.committedAt?.toISOString() ?? null,
  };
}

/** Stored mapping: header as written → key (or null). */
export type StoredMapping = { header: string; key: ColumnKey | null }[];

export const mappingOf = (s: SnapshotRow): StoredMapping => (Array.isArray(s.columnMapping) ? (s.columnMapping as StoredMapping) : []);

export const storedMapping = (headers: string[], m: HeaderMapping): StoredMapping =>
  headers.map((h, i) => ({ header: h, key: m.columns[i] ?? null })).filter((x) => x.header.trim() !== '');

export function presentDetail(
  base: Snapshot,
  s: SnapshotRow,
  problems: { rowNo: number; columnName: string; severity: 'rejected' | 'warning'; message: string }[],
  problemsTotal: number,
  job: ImportJob | null,
  abilities: Record<string, boolean>,
): SnapshotDetail {
  const kind = s.kind as RegistryKind;
  const mapping = mappingOf(s);
  return {
    ...base,
    columns: mapping.map((m) => ({ header: m.header, key: m.key, label: m.key ? canonicalHeader(kind, m.key) : null })),
    availableColumns: columnOptions(kind),
    missingColumns: (s.missingColumns as string[]) ?? [],
    previewRows: ((s.preview as Record<string, string>[]) ?? []).map(maskPreviewRow),
    problems: problems.map((p) => ({ row: p.rowNo, column: p.columnName, severity: p.severity, message: p.message })),
    problemsTotal,
    job,
    abilities,
  };
}

/** The preview shows the file's structure, not people: ID numbers and mobile numbers are masked in every cell. */
export function maskPreviewRow(row: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    const t = String(v ?? '').trim();
    const compact = t.replace(/\s/g, '');
    out[k] = /^[0-9０-９]{15,17}[0-9０-９XxＸｘ]$/.test(compact)
      ? maskIdNumber(compact)
      : /^[A-Za-z][0-9]{17}[0-9Xx]$/.test(compact)
        ? compact[0] + maskIdNumber(compact.slice(1))
        : /^1[3-9][0-9]{9}$/.test(compact)
          ? maskPhone(compact)
          : t;
  }
  return out;
}
