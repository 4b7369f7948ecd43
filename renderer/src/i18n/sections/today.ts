/** UI text for deadlines and the Today view (#5): Japanese is the source of truth; English must match its shape. */
export const todayJa = {};

export const todayEn: typeof todayJa = {};
