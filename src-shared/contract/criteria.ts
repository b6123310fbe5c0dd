/** The criteria slice of the contract. */
export const criteriaCalls = {};

export const criteriaEvents = {};
