/** The timeline slice of the contract. */
export const timelineCalls = {};

export const timelineEvents = {};
