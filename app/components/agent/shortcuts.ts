import { useEffect, useRef } from "react";

/** The console's keyboard shortcuts, one key each, as in Gmail and Zendesk: j/k move, r/n write, e resolves. */
export const SHORTCUTS = {
  queue: { j: "next", k: "previous", o: "open", "?": "help" },
  ticket: { r: "reply", n: "note", e: "resolve", u: "back", "?": "help" },
} as const;

export type ShortcutPage = keyof typeof SHORTCUTS;
export type ShortcutAction<P extends ShortcutPage> = (typeof SHORTCUTS)[P][keyof (typeof SHORTCUTS)[P]];

interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Typing in a field, or a key with Ctrl, Cmd or Alt, is never a shortcut. */
function isTyping(target: EventTarget | null) {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  return Boolean(
    element && (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName ?? "") || element.isContentEditable),
  );
}

export function shortcutFor<P extends ShortcutPage>(page: P, press: KeyPress): ShortcutAction<P> | null {
  if (press.ctrlKey || press.metaKey || press.altKey || isTyping(press.target)) return null;
  const keys: Readonly<Record<string, string>> = SHORTCUTS[page];
  return Object.hasOwn(keys, press.key) ? (keys[press.key] as ShortcutAction<P>) : null;
}

/** Calls `run` with the action of each shortcut pressed on the page. */
export function useShortcuts<P extends ShortcutPage>(page: P, run: (action: ShortcutAction<P>) => void) {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(page, event);
      if (!action) return;
      event.preventDefault();
      runRef.current(action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [page]);
}
