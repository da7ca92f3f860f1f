/** "@alice, @bob" as links-free text; "nobody" when empty. */
export function Logins({ logins, empty = "nobody" }: { logins: string[]; empty?: string }) {
  if (!logins.length) return <span className="italic text-slate-500">{empty}</span>;
  return <>{logins.map((l) => `@${l}`).join(", ")}</>;
}
