/**
 * The agent console is never shown inside another site's frame (clickjacking). Embedded pages are
 * left to Shopify's addDocumentResponseHeaders, which lets only the shop's admin frame them.
 */
export function addFrameHeaders(request: Request, headers: Headers) {
  const { pathname } = new URL(request.url);
  if (pathname !== "/agent" && !pathname.startsWith("/agent/")) return;
  headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  headers.set("X-Frame-Options", "DENY");
}
