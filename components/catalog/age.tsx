import { formatAge, formatDateTime } from "./format";

/**
 * A relative time with the exact time in a tooltip and the machine-readable
 * value. In a client component it renders twice, on the server and at
 * hydration; a minute may pass between the two, which is not a mismatch.
 */
export function Age({ date, prefix }: { date: Date; prefix?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} className="whitespace-nowrap" suppressHydrationWarning>
      {prefix ? `${prefix} ` : ""}
      {formatAge(date)}
    </time>
  );
}
