import { mainMove, mergeNeeds, resolveMainPushes, type MainPush, type RepoNeeds } from "@/lib/cache/needs";

// Pushes of one burst are one move of main when they chain, in whatever
// order their events came and however they were merged on the way (the
// refresh queue merges two needs at a time), so the refresh takes the move
// without a listing; pushes that do not chain ask for the listing instead.

const push = (before: string, after: string, files: string[] | null = [`${after}.md`]): MainPush => ({ before, after, files });

test("merging keeps every push, in the order their events came", () => {
  expect(mergeNeeds({ mainPushes: [push("a", "b")] }, { mainPushes: [push("c", "d")] })).toEqual({ mainPushes: [push("a", "b"), push("c", "d")] });
  expect(mergeNeeds({ openPulls: true }, { mainPushes: [push("a", "b")] })).toEqual({ openPulls: true, mainPushes: [push("a", "b")] });
});

test("pushes that continue each other are one move from the first before to the last after, with every commit's files", () => {
  expect(mainMove([push("a", "b"), push("b", "c")])).toEqual({ before: "a", after: "c", files: ["b.md", "c.md"] });
  expect(mainMove([push("b", "c"), push("a", "b")])).toEqual({ before: "a", after: "c", files: ["b.md", "c.md"] });
});

test("the first push, then the third, then the second (two that do not chain until the one between arrives) are one move", () => {
  const merged = [push("a", "b"), push("c", "d"), push("b", "c")].reduce<RepoNeeds>((needs, p) => mergeNeeds(needs, { mainPushes: [p] }), {});
  expect(mainMove(merged.mainPushes)).toEqual({ before: "a", after: "d", files: ["b.md", "c.md", "d.md"] });
});

test("files unknown for any push are unknown for the move", () => {
  expect(mainMove([push("a", "b", null), push("b", "c")])).toEqual({ before: "a", after: "c", files: null });
});

test("a push whose event came twice counts once; the copy without a files list wins", () => {
  expect(mainMove([push("a", "b"), push("b", "c"), push("a", "b")])).toEqual({ before: "a", after: "c", files: ["b.md", "c.md"] });
  expect(mainMove([push("a", "b"), push("a", "b", null)])).toEqual({ before: "a", after: "b", files: null });
});

test("pushes that do not form one chain ask for the listing: a lost event, a fork, main back at a head it left", () => {
  expect(mainMove([push("a", "b"), push("x", "y")])).toBeNull(); // the event between was lost
  expect(mainMove([push("a", "b"), push("a", "c")])).toBeNull(); // two moves from one head (a force-push)
  expect(mainMove([push("a", "b"), push("b", "a")])).toBeNull(); // no first push: a cycle
  expect(mainMove([push("a", "b"), push("b", "c"), push("c", "b")])).toBeNull(); // back to b after c
});

test("no push is no move", () => {
  expect(mainMove(undefined)).toBeUndefined();
  expect(mainMove([])).toBeUndefined();
});

test("a refresh takes its pushes as one move, lists branches when they do not chain, and keeps every other need", () => {
  expect(resolveMainPushes({ openPulls: true, mainPushes: [push("b", "c"), push("a", "b")] })).toEqual({ openPulls: true, mainPush: { before: "a", after: "c", files: ["b.md", "c.md"] } });
  expect(resolveMainPushes({ entries: true, mainPushes: [push("a", "b"), push("x", "y")] })).toEqual({ entries: true, branches: true });
  expect(resolveMainPushes({ pulls: [4] })).toEqual({ pulls: [4] });
});
