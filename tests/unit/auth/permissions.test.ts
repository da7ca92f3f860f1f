import { assertCan, assertCanSeeBranch, can, type Action, type Actor, type Resource } from "@/lib/auth/permissions";
import { AppError } from "@/lib/http/errors";

// The §6 table, row by row, plus the rules around it (main, private
// branches, §12 delete, the owner's rights). One persona per column; the
// app owner is its own column because the last row tells it apart.

type Persona = "reader" | "contributor" | "branchCreator" | "rfcOwner" | "arbiter" | "admin" | "owner";
const people: Record<Persona, Actor | null> = {
  reader: null,
  contributor: { id: 1, login: "cora", role: "contributor" },
  branchCreator: { id: 2, login: "bianca", role: "contributor" },
  rfcOwner: { id: 3, login: "olive", role: "contributor" },
  arbiter: { id: 4, login: "arnold", role: "contributor" },
  admin: { id: 5, login: "ada", role: "admin" },
  owner: { id: 6, login: "oscar", role: "owner" },
};
const rfc = { owners: ["olive"], arbiters: ["arnold"] };
const onBranch: Resource = { rfc, branch: { createdBy: "bianca", visibility: "public" } };

// Column order: reader, contributor, branch creator, RFC owner, arbiter, admin, owner.
type Cells = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const Y = true;
const N = false;
const table: { row: string; actions: Action[]; cells: Cells }[] = [
  { row: "read public RFCs, branches, threads", actions: ["read", "read_branch"], cells: [Y, Y, Y, Y, Y, Y, Y] },
  { row: "propose idea, chat, ask AI, sub-thread, flag", actions: ["propose", "chat", "ask_ai", "subthread", "flag"], cells: [N, Y, Y, Y, Y, Y, Y] },
  // The branch creator's "–" means the column does not apply: they are a contributor.
  { row: "cut a branch", actions: ["cut_branch"], cells: [N, Y, Y, Y, Y, Y, Y] },
  { row: "edit / accept / decline changes on a branch", actions: ["edit_branch"], cells: [N, N, Y, Y, Y, Y, Y] },
  { row: "flip a branch's visibility", actions: ["flip_visibility"], cells: [N, N, Y, Y, Y, Y, Y] },
  { row: "open a PR from a branch", actions: ["open_pr"], cells: [N, N, Y, Y, Y, Y, Y] },
  { row: "merge or close PRs to main", actions: ["merge_pr"], cells: [N, N, N, Y, Y, Y, Y] },
  { row: "merge meta PRs (owners of that entry)", actions: ["merge_meta_pr", "decline_idea"], cells: [N, N, N, Y, N, Y, Y] },
  { row: "graduate", actions: ["graduate"], cells: [N, N, N, Y, Y, Y, Y] },
  // §3 state 5 is narrower than the §6 column: "owners or admins withdraw".
  { row: "withdraw (owners or admins, §3)", actions: ["withdraw"], cells: [N, N, N, Y, N, Y, Y] },
  { row: "record accepted / rejected (arbiters; owner role)", actions: ["record_decision"], cells: [N, N, N, N, Y, N, Y] },
  { row: "propose metadata changes, move a motion (owners, arbiters)", actions: ["edit_metadata", "open_motion"], cells: [N, N, N, Y, Y, Y, Y] },
  { row: "sign off on a motion or raise a concern (arbiters only)", actions: ["sign_off"], cells: [N, N, N, N, Y, N, N] },
];

const columns = Object.keys(people) as Persona[];

describe("§6 permission table", () => {
  for (const { row, actions, cells } of table)
    for (const action of actions)
      test.each(columns.map((p, i) => [p, cells[i]] as const))(`${row} — ${action} as %s → %s`, (persona, allowed) => {
        expect(can(people[persona], action, onBranch)).toBe(allowed);
      });
});

describe("rules around the table", () => {
  const all = columns.map((p) => people[p]);

  test("main is never edited directly, not even by admins or the owner (§6)", () => {
    const main: Resource = { rfc, branch: { createdBy: "bianca", visibility: "public", isMain: true } };
    for (const a of ["edit_branch", "flip_visibility", "open_pr", "update_branch", "delete_branch"] as const)
      for (const u of all) expect(can(u, a, main)).toBe(false);
  });

  test("a private branch is visible to its creator, owners, arbiters and admins only (§6, §8.3)", () => {
    const priv: Resource = { rfc, branch: { createdBy: "bianca", visibility: "private" } };
    const seen = columns.filter((p) => can(people[p], "read_branch", priv));
    expect(seen).toEqual(["branchCreator", "rfcOwner", "arbiter", "admin", "owner"]);
    expect(() => assertCanSeeBranch(null, priv)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => assertCanSeeBranch(people.contributor, priv)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => assertCanSeeBranch(people.branchCreator, priv)).not.toThrow();
  });

  test("delete a branch: owners and its creator, not arbiters (§12)", () => {
    expect(columns.filter((p) => can(people[p], "delete_branch", onBranch))).toEqual(["branchCreator", "rfcOwner", "admin", "owner"]);
  });

  test("claim: any contributor (§13.1); resolve flags: owners, arbiters, admins (§8.13)", () => {
    expect(columns.filter((p) => can(people[p], "claim", onBranch))).toEqual(columns.slice(1));
    expect(columns.filter((p) => can(people[p], "resolve_flag", onBranch))).toEqual(["rfcOwner", "arbiter", "admin", "owner"]);
  });

  test("the admin page is for admins; only the owner promotes and demotes (§1)", () => {
    expect(columns.filter((p) => can(people[p], "view_admin"))).toEqual(["admin", "owner"]);
    expect(columns.filter((p) => can(people[p], "manage_admins"))).toEqual(["owner"]);
  });

  test("RFC roles do not leak to another RFC", () => {
    const other: Resource = { rfc: { owners: ["zed"], arbiters: ["zoe"] }, branch: { createdBy: "zed", visibility: "public" } };
    for (const a of ["edit_branch", "merge_pr", "merge_meta_pr", "graduate", "record_decision"] as const) {
      expect(can(people.rfcOwner, a, other)).toBe(false);
      expect(can(people.arbiter, a, other)).toBe(false);
      expect(can(people.branchCreator, a, other)).toBe(false);
    }
  });

  test("a concern is resolved by its author only; a motion cancelled by its mover, owners or admins", () => {
    const concern: Resource = { rfc, authorLogin: "arnold" };
    expect(columns.filter((p) => can(people[p], "resolve_concern", concern))).toEqual(["arbiter"]);
    const moved = { rfc, authorLogin: "arnold" };
    expect(columns.filter((p) => can(people[p], "cancel_motion", moved))).toEqual(["rfcOwner", "arbiter", "admin", "owner"]);
    expect(columns.filter((p) => can(people[p], "cancel_motion", { rfc, authorLogin: "olive" }))).toEqual(["rfcOwner", "admin", "owner"]);
  });

  test("§3 states: a record (accepted, rejected, withdrawn) allows reading only, for everyone", () => {
    const writes: Action[] = ["chat", "ask_ai", "subthread", "flag", "cut_branch", "edit_branch", "open_pr", "merge_pr", "merge_meta_pr", "claim", "graduate", "withdraw", "record_decision", "edit_metadata", "open_motion", "sign_off", "resolve_flag"];
    for (const state of ["accepted", "rejected", "withdrawn"]) {
      const record: Resource = { rfc: { ...rfc, state }, branch: { createdBy: "bianca", visibility: "public" } };
      for (const u of Object.values(people)) {
        expect(can(u, "read", record)).toBe(true);
        expect(can(u, "read_branch", record)).toBe(true);
        for (const a of writes) expect(can(u, a, record)).toBe(false);
      }
    }
  });

  test("§3 states: claims and graduation need a super-draft; motions and decisions an active RFC", () => {
    const draft: Resource = { rfc: { ...rfc, state: "super-draft" } };
    const active: Resource = { rfc: { ...rfc, state: "active" } };
    expect(can(people.rfcOwner, "graduate", draft)).toBe(true);
    expect(can(people.rfcOwner, "graduate", active)).toBe(false);
    expect(can(people.contributor, "claim", active)).toBe(false);
    expect(can(people.arbiter, "open_motion", draft)).toBe(false);
    expect(can(people.arbiter, "record_decision", draft)).toBe(false);
    expect(can(people.arbiter, "record_decision", active)).toBe(true);
  });

  test("assertCan: 403 when the role may not, else 409 naming the state when the state may not", () => {
    const withdrawn: Resource = { rfc: { ...rfc, state: "withdrawn" } };
    const caught = (fn: () => void) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e instanceof AppError ? e : null;
      }
    };
    expect(caught(() => assertCan(people.contributor, "withdraw", withdrawn))?.code).toBe("forbidden");
    const err = caught(() => assertCan(people.rfcOwner, "withdraw", withdrawn));
    expect(err?.code).toBe("conflict");
    expect(err?.message).toMatch(/withdrawn/);
    expect(caught(() => assertCan(people.arbiter, "open_motion", { rfc: { ...rfc, state: "super-draft" } }))?.message).toMatch(/super-draft.*active RFC/);
  });

  test("assertCan: 401 for readers, 403 for signed-in users who may not", () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return "ok";
      } catch (e) {
        return e instanceof AppError ? e.code : "other";
      }
    };
    expect(codeOf(() => assertCan(null, "chat"))).toBe("unauthorized");
    expect(codeOf(() => assertCan(people.contributor, "merge_pr", onBranch))).toBe("forbidden");
    expect(codeOf(() => assertCan(people.rfcOwner, "merge_pr", onBranch))).toBe("ok");
  });
});

describe("refusals say what may not be done and who may", () => {
  const messageOf = (fn: () => void) => {
    try {
      fn();
      return "";
    } catch (e) {
      return e instanceof AppError ? e.message : String(e);
    }
  };

  test("someone else's branch: who may edit it, and what to do instead", () => {
    const msg = messageOf(() => assertCan(people.contributor, "edit_branch", { rfc, branch: { createdBy: "someone", visibility: "public" } }));
    expect(msg).toMatch(/^Only the branch's creator, the RFC's owners and arbiters, and admins can edit this branch/);
    expect(msg).not.toMatch(/edit_branch|may not edit branch here/);
  });

  test("main: never edited directly, admins included", () => {
    const msg = messageOf(() => assertCan(people.admin, "edit_branch", { rfc, branch: { createdBy: "", visibility: "public", isMain: true } }));
    expect(msg).toMatch(/^Main is never edited directly, not even by admins/);
  });

  test("an RFC steward's right names the stewards", () => {
    expect(messageOf(() => assertCan(people.contributor, "merge_pr", { rfc }))).toBe(
      "Only the RFC's owners and arbiters, and admins can merge or close pull requests to main",
    );
  });
});
