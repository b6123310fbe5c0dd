/** The shape of a message tree with every string widened: translations must have the same keys. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
