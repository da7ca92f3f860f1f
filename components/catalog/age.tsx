import { formatAge, formatDateTime } from "./format";

/** A relative time with the exact time in a tooltip and the machine-readable value. */
export function Age({ date, prefix }: { date: Date; prefix?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} className="whitespace-nowrap">
      {prefix ? `${prefix} ` : ""}
      {formatAge(date)}
    </time>
  );
}
