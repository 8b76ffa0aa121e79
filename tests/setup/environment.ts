import { setupServer } from "msw/node";
import { afterAll } from "vitest";
import { adminApiHandlers } from "../../preview/admin-api-mock";
import { TEST_CONFIG } from "./test-config";

Object.assign(process.env, TEST_CONFIG);

// Shopify's Admin API is the one thing outside this machine the app calls: answer it at the
// network boundary before the Shopify library captures fetch.
export const adminApi = setupServer(...adminApiHandlers);
adminApi.listen({ onUnhandledRequest: "bypass" });
afterAll(() => adminApi.close());
