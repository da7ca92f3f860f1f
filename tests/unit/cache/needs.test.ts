import { mergeNeeds, type MainPush } from "@/lib/cache/needs";

// Pushes of one burst merge into one move of main when one continues the
// other (in either order), so the trailing refresh still takes the move
// without a listing; pushes that do not chain ask for the listing instead.

const push = (before: string, after: string, files: string[] | null = [`${after}.md`]): MainPush => ({ before, after, files });

test("a push that continues another is one move from the first before to the last after, with both commits' files", () => {
  expect(mergeNeeds({ mainPush: push("a", "b") }, { mainPush: push("b", "c") })).toEqual({ mainPush: { before: "a", after: "c", files: ["b.md", "c.md"] } });
  expect(mergeNeeds({ mainPush: push("b", "c") }, { mainPush: push("a", "b") })).toEqual({ mainPush: { before: "a", after: "c", files: ["b.md", "c.md"] } });
});

test("files unknown for either push are unknown for the move", () => {
  expect(mergeNeeds({ mainPush: push("a", "b", null) }, { mainPush: push("b", "c") }).mainPush).toEqual({ before: "a", after: "c", files: null });
});

test("pushes that do not chain (an event between them was lost) ask for the branch listing", () => {
  const merged = mergeNeeds({ mainPush: push("a", "b"), openPulls: true }, { mainPush: push("x", "y") });
  expect(merged).toEqual({ branches: true, openPulls: true });
});

test("a push merged with needs that have none keeps its move", () => {
  expect(mergeNeeds({ openPulls: true }, { mainPush: push("a", "b") })).toEqual({ openPulls: true, mainPush: push("a", "b") });
});
