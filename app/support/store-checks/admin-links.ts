/**
 * Admin pages opened through App Bridge's `shopify:admin` protocol, so the link works inside the
 * embedded app ("Navigating to admin pages", Shopify App Bridge documentation).
 */
function numericId(gid: string) {
  return gid.split("/").pop() ?? "";
}

export const adminLink = {
  product: (gid: string) => `shopify:admin/products/${numericId(gid)}`,
  order: (gid: string) => `shopify:admin/orders/${numericId(gid)}`,
  orders: () => "shopify:admin/orders",
  markets: () => "shopify:admin/settings/markets",
  apps: () => "shopify:admin/settings/apps",
};
