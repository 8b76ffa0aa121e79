import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { I18n } from "./i18n";

const I18nContext = createContext<I18n | null>(null);

/** Gives the layout's translator to the pages under it (one per request on the server, one per page in the browser). */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/**
 * react-i18next's hook as the pages call it: `t` looks in `ns` (the first, given several) unless a key
 * names its namespace, and keeps its identity between renders.
 */
export function useTranslation(ns?: string | readonly string[]) {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useTranslation needs an I18nProvider above it");
  const namespace = typeof ns === "string" ? ns : ns?.[0];
  const t = useMemo(() => (namespace ? i18n.getFixedT(namespace) : i18n.t), [i18n, namespace]);
  return { t, i18n };
}
