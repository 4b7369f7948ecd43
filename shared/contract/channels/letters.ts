/** Channels of #6 decisions, letters, issuing and printing. */
export const letterChannels = {} as const;
