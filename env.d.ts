/// <reference types="vite/client" />
/// <reference types="@remix-run/node" />

/**
 * Polaris's stylesheet for each side of the app (vite.config.ts), and on the server the rules the
 * Support page needs, to inline; empty while developing.
 */
declare module "virtual:polaris-styles" {
  const sheets: { merchant?: string; agent?: string; critical?: string };
  export default sheets;
}
