/**
 * Preloaded into the production server by the creation benchmark (`node --import`): Shopify's
 * Admin API is outside this machine, so it is answered at the network boundary, before the Shopify
 * library captures fetch. Plain JavaScript with a scoped TypeScript import, so the server itself
 * runs without a TypeScript loader, as `npm start` does.
 */
import { tsImport } from "tsx/esm/api";

const { startAdminApiBoundary } = await tsImport("../preview/admin-api-mock.ts", import.meta.url);
startAdminApiBoundary();
