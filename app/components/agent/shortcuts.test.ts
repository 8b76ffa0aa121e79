import { describe, expect, it } from "vitest";
import { shortcutFor } from "./shortcuts";

const press = (key: string, extra: Partial<Parameters<typeof shortcutFor>[1]> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: "BODY" } as unknown as EventTarget,
  ...extra,
});

describe("keyboard shortcuts", () => {
  it("moves through the queue with j and k, and works a ticket with r, n and e", () => {
    expect(shortcutFor("queue", press("j"))).toBe("next");
    expect(shortcutFor("queue", press("k"))).toBe("previous");
    expect(shortcutFor("ticket", press("r"))).toBe("reply");
    expect(shortcutFor("ticket", press("n"))).toBe("note");
    expect(shortcutFor("ticket", press("e"))).toBe("resolve");
    expect(shortcutFor("ticket", press("?"))).toBe("help");
    expect(shortcutFor("queue", press("r"))).toBeNull();
  });

  it("leaves keys alone while the agent types in a field or holds Ctrl, Cmd or Alt", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"])
      expect(shortcutFor("ticket", press("r", { target: { tagName } as unknown as EventTarget }))).toBeNull();
    expect(shortcutFor("ticket", press("e", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor("ticket", press("e", { metaKey: true }))).toBeNull();
    expect(shortcutFor("queue", press("j", { altKey: true }))).toBeNull();
  });
});
