/** A rejected row or a warning, as problems.csv lists it (文件, 行, 列, 原因). */
export type ImportProblem = {
  file: string;
  /** Data-row number, from 1 (the first row under the header). */
  row: number;
  /** The column's header as written in the file. */
  column: string;
  /** 'rejected': the row cannot describe a child and is not imported; 'warning': kept as data. */
  severity: 'rejected' | 'warning';
  /** A Chinese sentence a teacher understands. */
  message: string;
};
