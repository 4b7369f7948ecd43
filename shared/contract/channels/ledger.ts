/** Channels of #5 money-order ledger, deadlines and the Today view. */
export const ledgerChannels = {} as const;
