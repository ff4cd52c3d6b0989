import { openCsv } from './csv';
import { TableError, type TableSource } from './errors';
import { openXlsx } from './xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

/** Opens a stored spreadsheet by the type recognised from its bytes at upload. */
export const openTable = (filePath: string, mime: string): Promise<TableSource> => {
  if (mime === CSV_MIME) return openCsv(filePath);
  if (mime === XLSX_MIME) return openXlsx(filePath);
  return Promise.reject(new TableError('notSpreadsheet'));
};
