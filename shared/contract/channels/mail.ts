/** Channels of #5 registered-mail log (inbound and outbound, M1/M2). */
export const mailChannels = {} as const;
