import { useEffect, useRef } from "react";

/**
 * What a merchant typed, kept in the tab's sessionStorage so that a failed request, Back and Forward
 * or a reload never loses it. Files are not kept: a browser cannot store them. Stored values can be
 * anything an older version of the page left there, so each page reads its draft with checks of its own
 * (`~/support/untrusted`).
 */
const PREFIX = "spl-support:draft:";

/** The drafts the merchant's pages keep; both are cleared once a ticket is sent. */
export const DRAFTS = { intake: "intake", ticketForm: "ticket-form" } as const;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be switched off (private modes, blocked third-party storage in an iframe).
    return null;
  }
}

export function readDraft<T>(name: string, read: (stored: unknown) => T | null): T | null {
  const raw = storage()?.getItem(PREFIX + name);
  if (!raw) return null;
  try {
    return read(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveDraft(name: string, value: unknown) {
  try {
    storage()?.setItem(PREFIX + name, JSON.stringify(value));
  } catch {
    // A full storage keeps the previous draft; the page itself still has the text.
  }
}

export function clearDraft(name: string) {
  storage()?.removeItem(PREFIX + name);
}

/** The value of a field as the browser holds it: typed before React hydrated, it is not in React's state yet. */
export function typedBeforeHydration(id: string): string {
  const element = document.getElementById(id);
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : "";
}

/**
 * Keeps `value` as the draft `name`. After the first render (never during it, so the server's HTML and
 * the browser's first render agree) `restore` gets what was stored; from then on every change is saved.
 */
export function useDraft<T>(
  name: string,
  read: (stored: unknown) => T | null,
  value: T,
  restore: (draft: T | null) => void,
) {
  const restoreOnce = useRef(restore);
  const restored = useRef(false);
  useEffect(() => {
    restoreOnce.current(readDraft(name, read));
  }, [name, read]);
  useEffect(() => {
    // The first run would save the server's blank values over the draft being restored.
    if (!restored.current) {
      restored.current = true;
      return;
    }
    saveDraft(name, value);
  }, [name, value]);
}
