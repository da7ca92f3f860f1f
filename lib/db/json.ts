// SQLite has no arrays: lists are stored as JSON text columns.

export function parseList(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function parseObject<T extends object>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}
