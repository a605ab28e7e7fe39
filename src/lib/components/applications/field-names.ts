/** Input names and ids of application fields; table cells are `table.row.column`, as validation reports them. */
export const fieldId = (path: string) => `f-${path.replaceAll('.', '-')}`;
export const cellPath = (tableKey: string, row: number, columnKey: string) => `${tableKey}.${row}.${columnKey}`;
