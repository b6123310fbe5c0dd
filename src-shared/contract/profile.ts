/** The profile slice of the contract. */
export const profileCalls = {};

export const profileEvents = {};
