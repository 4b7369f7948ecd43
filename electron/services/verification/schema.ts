/** Tables of #4 verification (masking, deficiencies, status history), joined into the vault's Database type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VerificationTables {}
