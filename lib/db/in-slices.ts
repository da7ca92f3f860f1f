/**
 * SQLite takes at most 999 bound parameters in one statement (Prisma's
 * limit for it), and Prisma does not split every query whose `in` list is
 * longer (groupBy, for one). A list that grows with the number of RFCs —
 * a first sweep names every entry — is queried in slices of this size.
 */
export const IN_SLICE = 500;

/** `items` in consecutive slices of at most `size`. */
export function slices<T>(items: readonly T[], size = IN_SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
