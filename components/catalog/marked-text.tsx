import type { Highlighted } from "@/lib/catalog/highlight";

/** Text with the search's matched words in <mark> (segments, never HTML). */
export function MarkedText({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
