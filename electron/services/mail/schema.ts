/** Tables of #5 the registered-mail log, joined into the vault's Database type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailTables {}
