/** Tables of #5 the money-order ledger and deadlines, joined into the vault's Database type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerTables {}
