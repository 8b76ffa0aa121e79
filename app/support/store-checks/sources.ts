/**
 * The public documents each rule comes from, by name and address, shown beside the finding and
 * cited in the rules' tests. A rule without one of these is not a rule here.
 */
export const SOURCES = {
  splDropshipping: {
    name: "SPL help centre: How to Fulfill Dropshipping Orders on TikTok Shop Using SPL",
    url: "https://help.wikiguide.link/en/article/how-to-fulfill-dropshipping-orders-on-tiktok-shop-using-spl-i3igmo/",
  },
  splFulfil: {
    name: "SPL help centre: How to fulfill your TikTok shop orders from Shopify Using SPL?",
    url: "https://help.wikiguide.link/en/article/x5bns7",
  },
  tiktokSellerShipping: {
    name: "TikTok Shop Academy: Seller Shipping: Overview and Services",
    url: "https://seller-us.tiktok.com/university/essay?knowledge_id=8308896260065025",
  },
  tiktokForShopifyFaq: {
    name: "TikTok Shop Academy: TikTok for Shopify: Frequently Asked Questions (FAQs)",
    url: "https://seller-us.tiktok.com/university/essay?knowledge_id=1411491407365934",
  },
  tiktokShopManagement: {
    name: "TikTok Shop Academy: TikTok for Shopify: Shop Management Tab",
    url: "https://seller-us.tiktok.com/university/essay?knowledge_id=3945538525972266",
  },
  tiktokAddProduct: {
    name: "TikTok Shop Academy: Add and Manage Product",
    url: "https://seller-th.tiktok.com/university/essay?knowledge_id=6837816604690177&lang=en",
  },
  tiktokListingBasics: {
    name: "TikTok Shop Academy: Product Listing: What You Need to Know",
    url: "https://seller-us.tiktok.com/university/essay?knowledge_id=7073362639816491",
  },
  tiktokDescriptions: {
    name: "TikTok Shop Academy: Product Titles, Descriptions, Images & Videos",
    url: "https://seller-vn.tiktok.com/university/essay?knowledge_id=5918681919178512&lang=en",
  },
  tiktokPreShipment: {
    name: "TikTok Shop Academy: New Seller Pre Shipment Setting",
    url: "https://seller-us.tiktok.com/university/essay?knowledge_id=1047661675677441",
  },
  tiktokCatalogParameters: {
    name: "TikTok Ads Manager help: Catalog Product Parameters",
    url: "https://ads.tiktok.com/help/article/catalog-product-parameters",
  },
  shopifyAppScopes: {
    name: "This app's access scopes (shopify.app.toml)",
    url: "https://shopify.dev/docs/api/usage/access-scopes",
  },
} as const;

export type SourceId = keyof typeof SOURCES;
