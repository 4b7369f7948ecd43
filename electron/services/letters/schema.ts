/** Tables of #6 decisions and issued letters, joined into the vault's Database type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LetterTables {}
