// Middleware helper (middleware.ts): which methods the API route a path
// reaches answers. Next answers any other with an empty 405; the
// middleware answers it with the JSON error and an Allow header instead.
import { API_ROUTES } from "./api-routes.generated";

type Compiled = { segments: string[]; methods: readonly string[]; rank: number[] };

const compiled: Compiled[] = API_ROUTES.map(([pattern, methods]) => {
  const segments = pattern.split("/").filter(Boolean);
  // Next prefers a static segment to a dynamic one, and either to a catch-all.
  const rank = segments.map((s) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0));
  return { segments, methods, rank };
});

function matches(route: Compiled, parts: string[]): boolean {
  for (let i = 0; i < route.segments.length; i++) {
    const s = route.segments[i];
    if (s.startsWith("[...")) return parts.length > i;
    if (i >= parts.length) return false;
    if (!s.startsWith("[") && s !== parts[i]) return false;
  }
  return parts.length === route.segments.length;
}

/** Lower is more specific, segment by segment. */
const compare = (a: Compiled, b: Compiled) => {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const d = (a.rank[i] ?? 3) - (b.rank[i] ?? 3);
    if (d !== 0) return d;
  }
  return 0;
};

/**
 * The methods the route serving `pathname` answers — HEAD with GET and
 * OPTIONS always, as Next adds them — or null when no route file serves it.
 */
export function allowedMethods(pathname: string): string[] | null {
  const parts = pathname.split("/").filter(Boolean);
  const route = compiled.filter((r) => matches(r, parts)).sort(compare)[0];
  if (!route) return null;
  const allowed = new Set([...route.methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...allowed].sort();
}
