/** UI text for decisions, letters and outbound mail (#6): Japanese is the source of truth; English must match its shape. */
export const lettersJa = {};

export const lettersEn: typeof lettersJa = {};
