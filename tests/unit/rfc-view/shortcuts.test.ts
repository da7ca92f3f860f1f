import { shortcutFor } from "@/lib/rfc-view/shortcuts";

const key = (k: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: { tagName: "BODY" }, ...extra });

test.each([
  ["e", "toggle-contribute"],
  ["d", "toggle-diff"],
  ["/", "focus-chat"],
  ["x", null],
])("%s → %s", (k, action) => expect(key(k)).toBe(action));

test("single keys do nothing while typing; Ctrl/Cmd+S saves everywhere", () => {
  expect(key("e", { target: { tagName: "TEXTAREA" } })).toBeNull();
  expect(key("d", { target: { tagName: "DIV", isContentEditable: true } })).toBeNull();
  expect(key("s", { ctrlKey: true, target: { tagName: "DIV", isContentEditable: true } })).toBe("save");
  expect(key("S", { metaKey: true })).toBe("save");
  expect(key("e", { ctrlKey: true })).toBeNull();
});
