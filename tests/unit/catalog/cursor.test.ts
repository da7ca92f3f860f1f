import { decodeCursor, encodeCursor } from "@/lib/catalog/cursor";

describe("GET /api/rfcs cursors", () => {
  it("round-trips the slug", () => {
    expect(decodeCursor(encodeCursor("event-log"))).toBe("event-log");
  });

  it.each(["", "not base64!", Buffer.from("[]").toString("base64url"), Buffer.from('{"after":3}').toString("base64url"), Buffer.from('{"after":""}').toString("base64url")])(
    "refuses %j with a 400",
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: "bad_request" }));
    },
  );
});
