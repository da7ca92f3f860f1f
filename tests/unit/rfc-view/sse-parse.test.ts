import { createSseParser, type SseEvent } from "@/lib/rfc-view/sse-parse";

// The POST-with-askAi SSE answer, read wherever the chunks split (§8.4).

const stream = 'event: message\ndata: {"id":"m1"}\n\n: ping\n\nevent: delta\r\ndata: {"text":"a\\nb"}\r\nid: 7\r\n\r\ndata: line1\ndata: line2\n\n';
const expected: SseEvent[] = [
  { event: "message", data: '{"id":"m1"}' },
  { event: "delta", data: '{"text":"a\\nb"}', id: "7" },
  { event: "message", data: "line1\nline2", id: "7" },
];

test("whole stream", () => {
  const got: SseEvent[] = [];
  const p = createSseParser((e) => got.push(e));
  p.push(stream);
  p.end();
  expect(got).toEqual(expected);
});

test("split at every position gives the same events", () => {
  for (let i = 0; i <= stream.length; i++) {
    const got: SseEvent[] = [];
    const p = createSseParser((e) => got.push(e));
    p.push(stream.slice(0, i));
    p.push(stream.slice(i));
    p.end();
    expect(got).toEqual(expected);
  }
});

test("a last event without its blank line is delivered at end", () => {
  const got: SseEvent[] = [];
  const p = createSseParser((e) => got.push(e));
  p.push("event: done\ndata: {}");
  expect(got).toEqual([]);
  p.end();
  expect(got).toEqual([{ event: "done", data: "{}" }]);
});
