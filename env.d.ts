/// <reference types="vite/client" />
/// <reference types="@remix-run/node" />

/** Polaris's stylesheet for each side of the app (vite.config.ts); empty while developing. */
declare module "virtual:polaris-styles" {
  const sheets: { merchant?: string; agent?: string };
  export default sheets;
}
