import { useEffect, useRef } from "react";
import type { z } from "zod";

/**
 * What a merchant typed, kept in the tab's sessionStorage so that a failed request, Back and Forward
 * or a reload never loses it. Files are not kept: a browser cannot store them. Stored values can be
 * anything an older version of the page left there, so they are read through a schema.
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

export function readDraft<T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T | null {
  const raw = storage()?.getItem(PREFIX + name);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
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
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  value: T,
  restore: (draft: T | null) => void,
) {
  const restoreOnce = useRef(restore);
  const restored = useRef(false);
  useEffect(() => {
    restoreOnce.current(readDraft(name, schema));
  }, [name, schema]);
  useEffect(() => {
    // The first run would save the server's blank values over the draft being restored.
    if (!restored.current) {
      restored.current = true;
      return;
    }
    saveDraft(name, value);
  }, [name, value]);
}
