/** The segments slice of the contract. */
export const segmentsCalls = {};

export const segmentsEvents = {};
