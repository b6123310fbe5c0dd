/** The duplicates slice of the contract. */
export const duplicatesCalls = {};

export const duplicatesEvents = {};
