/** Channels of #4 verification: masking, deficiencies, re-submission, repeat refusal. */
export const verificationChannels = {} as const;
