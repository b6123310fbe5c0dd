/** The transfer slice of the contract. */
export const transferCalls = {};

export const transferEvents = {};
