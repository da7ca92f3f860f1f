// A DateTime column read with raw SQL ($queryRaw): both adapters hand back a
// Date today; the stored text is accepted too, so a driver that passes it
// through reads the same.
export const rawDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
