/** UI text for money orders, registered mail, deadlines and the Today view (#5): Japanese is the source of truth; English must match its shape. */
export const ledgerJa = {};

export const ledgerEn: typeof ledgerJa = {};
