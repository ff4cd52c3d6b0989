/** Rates (fee, expected recovery, reduction) are basis points: 2500 = 25.00 %. */
export const BASIS_POINTS = 10_000;
