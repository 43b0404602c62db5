/**
 * The same ID number twice in one file: kept as data, a warning on every row involved, naming the other rows
 * (in 学籍 it becomes a 重复学籍 finding later, not an import error).
 */
import type { ImportProblem } from './problems';

/** Rows named in one message at most; more are summarised as "等 N 行". */
const MAX_NAMED = 5;

function rowList(rows: readonly number[]): string {
  const named = rows.slice(0, MAX_NAMED).join('、');
  return rows.length > MAX_NAMED ? `${named} 等 ${rows.length} 行` : `${named} 行`;
}

export class DuplicateTracker {
  private readonly first = new Map<string, number>();
  private readonly repeated = new Map<string, number[]>();

  /**
   * @param fileName the file, as problems name it
   * @param column the ID column's header as written in the file
   */
  constructor(
    private readonly fileName: string,
    private readonly column: string,
  ) {}

  /**
   * Feed records in file order. Returns the warnings this record causes: on the second occurrence one for the
   * first row and one for this row; on later ones one for this row naming all earlier rows.
   */
  add(record: { row: number; idNumber: string }): ImportProblem[] {
    const id = record.idNumber;
    if (id === '') return [];
    const firstRow = this.first.get(id);
    if (firstRow === undefined) {
      this.first.set(id, record.row);
      return [];
    }
    const problems: ImportProblem[] = [];
    let rows = this.repeated.get(id);
    if (!rows) {
      rows = [firstRow];
      this.repeated.set(id, rows);
      problems.push(this.warning(firstRow, [record.row]));
    }
    problems.push(this.warning(record.row, rows));
    rows.push(record.row);
    return problems;
  }

  /** Every ID seen more than once, with all its rows in file order. */
  duplicates(): ReadonlyMap<string, readonly number[]> {
    return this.repeated;
  }

  private warning(row: number, others: readonly number[]): ImportProblem {
    return { file: this.fileName, row, column: this.column, severity: 'warning', message: `身份证号与第 ${rowList(others)}重复` };
  }
}
