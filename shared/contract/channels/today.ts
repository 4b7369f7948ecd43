/** Channels of #5 deadlines (I5) and the Today view. */
export const todayChannels = {} as const;
