import { resolveLocale, type Locale } from "./locales";

/** Shopify admin passes the user's language as ?locale= on the embedded document request. */
export function requestLocale(request: Request): Locale {
  const param = new URL(request.url).searchParams.get("locale");
  if (param) return resolveLocale(param);
  return resolveLocale(request.headers.get("accept-language")?.split(",")[0]);
}
